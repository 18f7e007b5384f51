package application.reconciliation;

import application.reconciliation.port.in.ListReconciliationItemsUseCase;
import application.reconciliation.port.out.ReconciliationReports;
import domain.reconciliation.ItemFilter;
import domain.reconciliation.ReportItem;
import domain.shared.InvalidValueException;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class ListReconciliationItemsService implements ListReconciliationItemsUseCase {
    private final ReconciliationReports reports;

    public ListReconciliationItemsService(ReconciliationReports reports) {
        this.reports = reports;
    }

    @Override
    @Transactional
    public Page page(LocalDate date, ItemFilter filter, long afterId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit is a whole number between 1 and " + MAX_LIMIT);
        }
        if (afterId < 0) {
            throw new InvalidValueException("after", "after is a cursor from a previous page (0 or more)");
        }
        UUID runId = latestRun(date);
        List<ReportItem> items = reports.items(date, filter, afterId, limit + 1);
        Long next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = items.getLast().id();
        }
        return new Page(runId, List.copyOf(items), next);
    }

    @Override
    @Transactional
    public UUID export(LocalDate date, Consumer<ReportItem> consumer) {
        UUID runId = latestRun(date);
        reports.forEachItem(date, consumer);
        return runId;
    }

    private UUID latestRun(LocalDate date) {
        return reports.latest(date, 0)
                .orElseThrow(() -> new NotFoundException("reconciliation", String.valueOf(date)))
                .runId();
    }
}
