package domain.reconciliation;

/** A reconciliation case is open until a person or a later run closes it. */
public enum CaseStatus {
    OPEN,
    RESOLVED
}
