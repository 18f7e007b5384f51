package application.reconciliation.port.in;

import domain.reconciliation.ItemFilter;
import domain.reconciliation.ReportItem;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

public interface ListReconciliationItemsUseCase {
    int MAX_LIMIT = 1000;

    /** A page of the latest run's items, in id order after {@code afterId}. */
    Page page(LocalDate date, ItemFilter filter, long afterId, int limit);

    /** Every item of the latest run, streamed, for the CSV report. */
    UUID export(LocalDate date, Consumer<ReportItem> consumer);

    /** {@code next} is the cursor of the following page, null on the last. */
    record Page(UUID runId, List<ReportItem> items, Long next) {}
}
