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
    SETTLEMENT_MISMATCH,
    /** An acquisition line for a payment whose transaction has not matched here: not acquired (the chain). */
    NOT_MATCHED,
    /** A settlement line for a payment that has not been acquired here: not settled (the chain). */
    NOT_ACQUIRED;

    /**
     * A mismatch someone has to act on opens a case (decision D59): every category but MATCHED and
     * the chain's held-back lines (their cause has its own case at the earlier stage).
     */
    public boolean opensCase() {
        return this != MATCHED && !heldBack();
    }

    /** The chain held the line back: the record's state stays as it was. */
    public boolean heldBack() {
        return this == NOT_MATCHED || this == NOT_ACQUIRED;
    }
}
