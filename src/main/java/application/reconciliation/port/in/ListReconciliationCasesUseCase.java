package application.reconciliation.port.in;

import domain.reconciliation.CaseStatus;
import domain.reconciliation.ReconciliationCase;
import java.time.Instant;
import java.util.List;

public interface ListReconciliationCasesUseCase {
    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 500;

    /**
     * One page of the cases of {@code status}, oldest first, after list position {@code afterSeq}
     * (0: from the start).
     */
    Page page(CaseStatus status, long afterSeq, int limit);

    /** {@code next}: the position to continue after, null on the last page; {@code now}: the ages' clock. */
    record Page(List<ReconciliationCase> cases, Long next, Instant now) {}
}
