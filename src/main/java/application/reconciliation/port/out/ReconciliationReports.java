package application.reconciliation.port.out;

import domain.reconciliation.ItemFilter;
import domain.reconciliation.ReconciledRecord;
import domain.reconciliation.RecordHistoryEntry;
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

    /**
     * The date's current items (per provider, those of the latest run that covered it) in id order
     * after {@code afterId}; null filters match everything.
     */
    List<ReportItem> items(LocalDate date, ItemFilter filter, long afterId, int limit);

    /** Every current item of the date, provider by provider in id order, streamed (a day can have millions). */
    void forEachItem(LocalDate date, Consumer<ReportItem> consumer);

    /**
     * The date's current items of {@code categories} with the largest amounts (the PG's, or ours when
     * the PG has none), largest first: the report's "top mismatches".
     */
    List<ReportItem> largest(LocalDate date, List<domain.reconciliation.Category> categories, int limit);

    /** One of our reconciled records (a top-up today) with its current state. */
    Optional<ReconciledRecord> record(UUID recordId);

    /** One record's reconciliation history in order, after history id {@code afterId}. */
    List<RecordHistoryEntry> history(UUID recordId, long afterId, int limit);
}
