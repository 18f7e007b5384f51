package application.reconciliation;

import application.reconciliation.port.in.GetRecordHistoryUseCase;
import application.reconciliation.port.out.ReconciliationReports;
import domain.reconciliation.ReconciledRecord;
import domain.reconciliation.RecordHistoryEntry;
import domain.shared.InvalidValueException;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GetRecordHistoryService implements GetRecordHistoryUseCase {
    private final ReconciliationReports reports;

    public GetRecordHistoryService(ReconciliationReports reports) {
        this.reports = reports;
    }

    @Override
    @Transactional
    public Page history(UUID recordId, long afterId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit is a whole number between 1 and " + MAX_LIMIT);
        }
        if (afterId < 0) {
            throw new InvalidValueException("after", "after is a cursor from a previous page (0 or more)");
        }
        ReconciledRecord record = reports.record(recordId)
                .orElseThrow(() -> new NotFoundException("reconciled record", String.valueOf(recordId)));
        List<RecordHistoryEntry> entries = reports.history(recordId, afterId, limit + 1);
        Long next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            next = entries.getLast().id();
        }
        return new Page(record, List.copyOf(entries), next);
    }
}
