package domain.reconciliation;

/** The outcome of comparing one PG line (or one of our top-ups the PG does not know) with our books. */
public enum Category {
    MATCHED,
    /** Approved at the PG, not credited here. */
    MISSING_INTERNAL,
    /** Credited here, unknown to the PG. */
    MISSING_AT_PG,
    /** Both sides know the payment, with different amounts. */
    AMOUNT_MISMATCH,
    /** Cancelled at the PG, credited here. */
    STATUS_MISMATCH,
    /** The PG's fee differs from the contract rate. */
    FEE_MISMATCH,
    /** The payout does not equal gross minus fee. */
    SETTLEMENT_MISMATCH
}
