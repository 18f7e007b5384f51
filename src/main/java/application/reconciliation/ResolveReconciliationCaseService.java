package application.reconciliation;

import application.reconciliation.port.in.ResolveReconciliationCaseUseCase;
import application.reconciliation.port.out.ReconciliationCases;
import domain.reconciliation.CaseAlreadyResolvedException;
import domain.reconciliation.ReconciliationCase;
import domain.shared.InvalidValueException;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class ResolveReconciliationCaseService implements ResolveReconciliationCaseUseCase {
    private final ReconciliationCases cases;
    private final Clock clock;

    public ResolveReconciliationCaseService(ReconciliationCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ReconciliationCase resolve(Command command) {
        ReconciliationCase found = cases.find(command.caseId())
                .orElseThrow(() -> new NotFoundException("reconciliation case", command.caseId()));
        ReconciliationCase resolved;
        try {
            resolved = found.resolve(command.action(), command.note(), command.by(), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(command.action() == null ? "action" : "note", e.getMessage());
        }
        if (!cases.resolve(resolved)) { // resolved meanwhile by someone else (or by a run)
            ReconciliationCase now = cases.find(command.caseId()).orElse(found);
            throw new CaseAlreadyResolvedException(found.id(), now.resolution(), now.resolvedBy());
        }
        return resolved;
    }
}
