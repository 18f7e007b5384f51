package domain.reconciliation;

import domain.shared.DomainException;
import java.util.UUID;

/** A case can be resolved once. */
public final class CaseAlreadyResolvedException extends DomainException {
    private final UUID caseId;

    public CaseAlreadyResolvedException(UUID caseId, Resolution resolution, String by) {
        super("case " + caseId + " is already resolved (" + resolution + " by " + by + ")");
        this.caseId = caseId;
    }

    public UUID caseId() {
        return caseId;
    }
}
