package application.reconciliation.port.in;

import domain.reconciliation.ReconciledRecord;
import domain.reconciliation.RecordHistoryEntry;
import java.util.List;
import java.util.UUID;

public interface GetRecordHistoryUseCase {
    int MAX_LIMIT = 1000;

    /**
     * A record's current reconciliation state and one page of its changes in order, after history id
     * {@code afterId}.
     *
     * @throws domain.shared.NotFoundException when no record has that id
     */
    Page history(UUID recordId, long afterId, int limit);

    /** {@code next} is the cursor of the following page, null on the last. */
    record Page(ReconciledRecord record, List<RecordHistoryEntry> entries, Long next) {}
}
