package domain.reconciliation;

/**
 * Which of our records a provider's files are reconciled against (D62): wallet top-ups paid through
 * an online gateway, or box-office sales paid on a card terminal. The name is the {@code
 * record_type} of the history and of cases.
 */
public enum RecordType {
    TOPUP,
    BOX_OFFICE_SALE;

    /**
     * Whether a PENDING record can be settled by the file's word. Box-office sales are final at the
     * counter (the terminal approved the card): they only move through the chain's states.
     */
    public boolean settlesPending() {
        return this == TOPUP;
    }
}
