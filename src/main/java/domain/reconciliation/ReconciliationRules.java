package domain.reconciliation;

import domain.topup.TopUpStatus;

/**
 * How a PG's line and our books are compared. Every line gets exactly one category; only a PENDING
 * top-up is ever acted on (its outcome was unknown until the PG's file told it). Anything else that
 * disagrees is reported for a person to look at, never corrected here.
 */
public final class ReconciliationRules {
    private ReconciliationRules() {}

    /**
     * A transactions or acquisitions line against our top-up with the same payment key ({@code
     * ours} is null when we have none).
     */
    public static Verdict payment(StatementLine pg, BookedTopUp ours) {
        if (ours == null) {
            return pg.status() == GatewayStatus.APPROVED
                    ? Verdict.of(Category.MISSING_INTERNAL, "approved at the PG, no top-up here")
                    : Verdict.of(Category.MATCHED, "cancelled at the PG, never credited here");
        }
        if (pg.status() == GatewayStatus.CANCELLED) {
            if (ours.credited()) {
                return Verdict.of(Category.STATUS_MISMATCH, "cancelled at the PG, credited here");
            }
            return ours.status() == TopUpStatus.PENDING
                    ? new Verdict(
                            Category.MATCHED, Action.SETTLE_CANCELLED, "cancelled at the PG: pending top-up closed")
                    : Verdict.of(Category.MATCHED, "cancelled at the PG, " + ours.status() + " here");
        }
        if (!ours.credited() && ours.status() != TopUpStatus.PENDING) {
            return Verdict.of(Category.MISSING_INTERNAL, "approved at the PG, " + ours.status() + " here");
        }
        if (pg.amount() != ours.amount()) {
            return Verdict.of(
                    Category.AMOUNT_MISMATCH,
                    "PG " + pg.amount() + ", here " + ours.amount() + " (" + ours.status() + ")");
        }
        return ours.credited()
                ? Verdict.of(Category.MATCHED, null)
                : new Verdict(Category.MATCHED, Action.SETTLE_APPROVED, "approved at the PG: pending top-up credited");
    }

    /**
     * A line of a stage in the chain transaction → acquisition → settlement (decision D55): an
     * acquisition counts only for a payment whose transaction matched, a settlement only for one that
     * was acquired — otherwise the line is held back ({@link Category#NOT_MATCHED}, {@link
     * Category#NOT_ACQUIRED}) and nothing is acted on. The verdict carries the record's new state
     * when it changes. {@code pg} is null for a top-up of the day the transaction file does not list.
     */
    public static Verdict classify(StatementKind kind, StatementLine pg, BookedTopUp ours, FeePolicy fees) {
        Verdict verdict;
        if (pg == null) {
            verdict = unknownToPg(ours);
        } else if (ours != null
                && kind != StatementKind.TRANSACTIONS
                && !ours.state().passed(previous(kind))) {
            verdict = kind == StatementKind.ACQUISITIONS
                    ? Verdict.of(
                            Category.NOT_MATCHED,
                            "acquired at the PG, but its transaction is " + ours.state() + " here: not acquired")
                    : Verdict.of(
                            Category.NOT_ACQUIRED,
                            "paid out by the PG, but it is " + ours.state() + " here (not acquired): not settled");
        } else {
            verdict = kind == StatementKind.SETTLEMENTS ? settlement(pg, ours, fees) : payment(pg, ours);
        }
        if (ours == null) {
            return verdict;
        }
        ReconciliationState next = ours.state().after(kind, verdict.category());
        return next.equals(ours.state()) ? verdict : verdict.moving(next);
    }

    private static StatementKind previous(StatementKind kind) {
        return StatementKind.values()[kind.ordinal() - 1];
    }

    /** One of our top-ups credited on the business day that the PG's transaction file does not list. */
    public static Verdict unknownToPg(BookedTopUp ours) {
        return Verdict.of(Category.MISSING_AT_PG, "credited here (" + ours.amount() + "), not in the PG's file");
    }

    /**
     * A settlement line: first compared as a payment (gross against our amount), then its fee against
     * the contract rate, then its payout against gross minus fee.
     */
    public static Verdict settlement(StatementLine pg, BookedTopUp ours, FeePolicy fees) {
        Verdict asPayment = payment(pg, ours);
        if (asPayment.category() != Category.MATCHED) {
            return asPayment;
        }
        long expectedFee = fees.expectedFee(pg.amount());
        if (pg.fee() != expectedFee) {
            return new Verdict(
                    Category.FEE_MISMATCH, asPayment.action(), "fee " + pg.fee() + ", contract " + expectedFee);
        }
        if (pg.net() != pg.amount() - pg.fee()) {
            return new Verdict(
                    Category.SETTLEMENT_MISMATCH,
                    asPayment.action(),
                    "payout " + pg.net() + ", gross - fee = " + (pg.amount() - pg.fee()));
        }
        return asPayment;
    }
}
