package domain.reconciliation;

/**
 * A provider's contract fee in basis points of the gross amount (320 = 3.20 %), rounded half up to
 * the won: the fee we expect on every settlement line.
 */
public record FeePolicy(int basisPoints) {
    public FeePolicy {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("a fee is 0 to 10000 basis points, got " + basisPoints);
        }
    }

    public long expectedFee(long gross) {
        return Math.floorDiv(Math.multiplyExact(gross, basisPoints) + 5_000, 10_000);
    }
}
