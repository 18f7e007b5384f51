package application.reconciliation.port.in;

import domain.reconciliation.ReconciliationCase;
import domain.reconciliation.Resolution;
import java.util.UUID;

public interface ResolveReconciliationCaseUseCase {
    /**
     * A person closes an open case with what was done and why; who and when are recorded.
     *
     * @throws domain.shared.NotFoundException no case has that id
     * @throws domain.reconciliation.CaseAlreadyResolvedException the case is no longer open
     * @throws domain.shared.InvalidValueException the action is not a person's or the note is empty or too long
     */
    ReconciliationCase resolve(Command command);

    record Command(UUID caseId, Resolution action, String note, String by) {}
}
