package application.reconciliation.port.out;

import domain.reconciliation.ItemFilter;
import domain.reconciliation.ReportItem;
import domain.reconciliation.RunReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads runs back for the report endpoints. */
public interface ReconciliationReports {
    /** The date's most recent run (running, completed or failed). */
    Optional<RunReport> latest(LocalDate date, int lineErrorsShown);

    /** Items of a run in id order after {@code afterId}; null filters match everything. */
    List<ReportItem> items(UUID runId, ItemFilter filter, long afterId, int limit);

    /** Every item of the run, in id order, streamed (a run can have millions). */
    void forEachItem(UUID runId, Consumer<ReportItem> consumer);
}
