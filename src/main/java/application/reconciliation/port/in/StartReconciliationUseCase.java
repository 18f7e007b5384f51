package application.reconciliation.port.in;

import domain.reconciliation.Trigger;
import java.time.LocalDate;
import java.util.UUID;

public interface StartReconciliationUseCase {
    /**
     * Starts a run for the date in the background. A manual run always starts (and replaces the
     * date's results when it completes); a scheduled one skips a date that already completed.
     *
     * @throws domain.reconciliation.ReconciliationRunningException when a run of the date is going
     */
    Result start(Command command);

    /** Starts the scheduled run: the business day before today in the PGs' zone. */
    Result startScheduled();

    /** {@code provider}: re-run that provider only (its chain failed, or its files were replaced); null: all. */
    record Command(LocalDate date, String provider, Trigger trigger, String requestedBy) {
        public Command(LocalDate date, Trigger trigger, String requestedBy) {
            this(date, null, trigger, requestedBy);
        }
    }

    /** {@code started} is false when a scheduled run found the date already reconciled. */
    record Result(UUID runId, LocalDate date, boolean started) {}
}
