package application.reconciliation.port.in;

import java.time.LocalDate;
import java.util.List;

public interface ReconcileRangeUseCase {
    /**
     * Re-runs every date from {@code from} to {@code to} (inclusive), each once and in order, in the
     * background: a date's run starts when the previous date's run has ended. A date that is being
     * reconciled when its turn comes is left to that run (and logged).
     *
     * @throws domain.shared.InvalidValueException when the range is empty, reaches a day that is not
     *     over, or spans more than {@code reconciliation.max-range-days}
     */
    Result start(Command command);

    record Command(LocalDate from, LocalDate to, String requestedBy) {}

    /** The dates that will be run, in order; each date's report is read as usual. */
    record Result(LocalDate from, LocalDate to, List<LocalDate> dates) {}
}
