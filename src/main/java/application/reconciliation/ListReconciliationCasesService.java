package application.reconciliation;

import application.reconciliation.port.in.ListReconciliationCasesUseCase;
import application.reconciliation.port.out.ReconciliationCases;
import domain.reconciliation.CaseStatus;
import domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

@ApplicationScoped
public class ListReconciliationCasesService implements ListReconciliationCasesUseCase {
    private final ReconciliationCases cases;
    private final Clock clock;

    public ListReconciliationCasesService(ReconciliationCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Page page(CaseStatus status, long afterSeq, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit is a whole number between 1 and " + MAX_LIMIT);
        }
        if (afterSeq < 0) {
            throw new InvalidValueException("cursor", "cursor is the one a previous page's Link named");
        }
        List<ReconciliationCases.Listed> listed = cases.page(status, afterSeq, limit + 1);
        Long next = null;
        if (listed.size() > limit) {
            listed = listed.subList(0, limit);
            next = listed.getLast().seq();
        }
        return new Page(
                listed.stream()
                        .map(ReconciliationCases.Listed::reconciliationCase)
                        .toList(),
                next,
                clock.instant());
    }
}
