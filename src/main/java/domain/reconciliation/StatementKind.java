package domain.reconciliation;

/** The three daily files a payment gateway sends for each business day. */
public enum StatementKind {
    /** Approvals and cancellations of the day. */
    TRANSACTIONS,
    /** Sales the card companies accepted ("purchases"); they lag approvals by a day or two. */
    ACQUISITIONS,
    /** What the PG pays out: gross, fee, net and settlement date per payment. */
    SETTLEMENTS
}
