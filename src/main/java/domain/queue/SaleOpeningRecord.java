package domain.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * The audit of one sale's opening (decisions D52): the seed its pre-queue was shuffled with, the
 * pre-queue's size and the digests of the shuffle's input and output ({@link PreQueueShuffle#digest}).
 * Recorded before any fan is placed, completed once every fan is.
 *
 * @param orderDigest null until the opening is complete
 * @param completedAt null until the opening is complete
 */
public record SaleOpeningRecord(
        long concertId,
        Instant opensAt,
        String seed,
        int preQueueSize,
        String inputDigest,
        Instant startedAt,
        String orderDigest,
        Instant completedAt) {
    public SaleOpeningRecord {
        Objects.requireNonNull(opensAt);
        Objects.requireNonNull(seed);
        Objects.requireNonNull(inputDigest);
        Objects.requireNonNull(startedAt);
        if (preQueueSize < 0) {
            throw new IllegalArgumentException("a pre-queue has no negative size");
        }
        if ((orderDigest == null) != (completedAt == null)) {
            throw new IllegalArgumentException("a completed opening has its order digest, an open one neither");
        }
    }

    /** A new opening, shuffled with {@code seed}, not yet complete. */
    public static SaleOpeningRecord started(
            long concertId, Instant opensAt, String seed, int preQueueSize, String inputDigest, Instant startedAt) {
        return new SaleOpeningRecord(concertId, opensAt, seed, preQueueSize, inputDigest, startedAt, null, null);
    }

    public boolean isComplete() {
        return completedAt != null;
    }

    public SaleOpeningRecord completed(String orderDigest, Instant at) {
        return new SaleOpeningRecord(
                concertId,
                opensAt,
                seed,
                preQueueSize,
                inputDigest,
                startedAt,
                Objects.requireNonNull(orderDigest),
                at);
    }
}
