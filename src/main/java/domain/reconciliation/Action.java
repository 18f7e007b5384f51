package domain.reconciliation;

/**
 * What a verdict asks of us. Only a PENDING top-up is ever settled by the reconciliation (its
 * outcome was unknown, the PG now tells it); everything else is reported, never corrected.
 */
public enum Action {
    NONE,
    /** The PG approved a PENDING top-up with the same amount: credit it (once). */
    SETTLE_APPROVED,
    /** The PG cancelled a PENDING top-up: close it, nothing moves. */
    SETTLE_CANCELLED
}
