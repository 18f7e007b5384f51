package application.wallet.port.out;

import domain.topup.PaymentAlreadyUsedException;
import domain.topup.TopUp;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/** PG top-ups. A PG payment ({@code provider}, {@code paymentKey}) is recorded at most once. */
public interface TopUpStore {
    /**
     * Records a new PENDING top-up in the caller's transaction. A concurrent insert of the same
     * payment waits for the first one's transaction and fails if it committed.
     *
     * @throws PaymentAlreadyUsedException when the payment is already recorded
     */
    void insert(TopUp pending);

    /** Reads the committed state (never a copy cached earlier in the transaction). */
    Optional<TopUp> findById(UUID id);

    Optional<TopUp> findByPayment(String provider, String paymentKey);

    /**
     * Writes a settled top-up if, and only if, it is still PENDING ({@code TopUp.isPending}) in the
     * database, in one conditional statement; false when another transaction settled it first (nothing changes).
     */
    boolean settle(TopUp settled, Instant now);

    /**
     * PENDING top-ups created before {@code cutoff}, in {@link PendingKey#ORDER} after the key {@code
     * after} (null: from the oldest), at most {@code limit}: the sweeper's pages.
     */
    java.util.List<TopUp> pendingCreatedBefore(Instant cutoff, PendingKey after, int limit);

    /** A position in the sweeper's scan. */
    record PendingKey(Instant createdAt, UUID id) {
        /**
         * The scan's order: by creation, then by id as PostgreSQL orders a uuid (its 16 bytes
         * unsigned, first to last; not {@link UUID#compareTo}, which compares signed halves).
         */
        public static final Comparator<PendingKey> ORDER = Comparator.comparing(PendingKey::createdAt)
                .thenComparing(
                        PendingKey::id,
                        (a, b) -> a.getMostSignificantBits() != b.getMostSignificantBits()
                                ? Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())
                                : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()));

        public static PendingKey of(TopUp topUp) {
            return new PendingKey(topUp.createdAt(), topUp.id());
        }
    }
}
