package domain.queue;

import java.time.Instant;

/**
 * The rules of a sale that opens at an announced time ({@code opensAt}, decisions D52). Arrival
 * orders are the queue token's (issue time in ms × 1000, D33); the opening's own order, its
 * <em>floor</em>, is {@code opensAt} in the same unit. The waiting-room store spells these rules in
 * its scripts for atomicity (D40); {@code contracts.ports.QueueStoreContract} holds it to them.
 *
 * <ul>
 *   <li>A fan entering before {@code opensAt} waits in the pre-queue, without a position: {@link
 *       #preQueues}.
 *   <li>A fan entering at or after it queues at their arrival order, but never below the floor
 *       (an instance whose clock lags cannot slip anyone ahead of the pre-queue): {@link
 *       #laterArrival}.
 *   <li>At the opening the pre-queue, shuffled, takes the orders just below the floor, first place
 *       lowest: {@link #preQueueOrder}; so all of it is ahead of every later arrival.
 *   <li>While a pre-queue waits to be placed, nobody at or above the floor is admitted: {@link
 *       #admitsBeforePlacement}.
 * </ul>
 */
public final class SaleOpening {
    private SaleOpening() {}

    /** Whether a fan entering at {@code now} waits in the pre-queue: only before the sale opens. */
    public static boolean preQueues(Instant opensAt, Instant now) {
        return opensAt != null && now.isBefore(opensAt);
    }

    /** The floor: the arrival order of the opening instant itself. */
    public static long floor(Instant opensAt) {
        return Math.multiplyExact(opensAt.toEpochMilli(), 1000);
    }

    /** A fan arriving once the sale opened queues at their own arrival order, but not below the floor. */
    public static long laterArrival(long arrival, long floor) {
        return Math.max(arrival, floor);
    }

    /**
     * The order of the pre-queue's {@code place}-th fan (0 = first) of {@code size}: {@code floor -
     * size + place}, so the pre-queue fills the orders just below the floor.
     */
    public static long preQueueOrder(long floor, int size, int place) {
        if (place < 0 || place >= size) {
            throw new IllegalArgumentException("place " + place + " is outside a pre-queue of " + size);
        }
        return floor - size + place;
    }

    /**
     * Whether a waiting fan of this arrival order may be admitted while a pre-queue is still to be
     * placed (or being placed): only one ahead of the floor (who arrived before the sale had an
     * opening time, or a pre-queued fan already placed), never a later arrival.
     */
    public static boolean admitsBeforePlacement(long order, long floor) {
        return order < floor;
    }

    /**
     * Whether a concert's opening time may be set to {@code proposed} at {@code now}: only while the
     * current one (if any) is more than {@code lead} away, and to an instant at least {@code lead}
     * ahead. {@code lead} is how long an instance may act on its copy of the opening time ({@code
     * queue.opening-cache-ttl}): a change any later could reach some instances after they had
     * queued fans by the old time.
     */
    public static void requireChangeable(
            long concertId, Instant current, Instant proposed, Instant now, java.time.Duration lead) {
        Instant lockedFrom = now.plus(lead);
        if (current != null && !current.isAfter(lockedFrom)) {
            throw new SaleOpeningLockedException(concertId, current, current.minus(lead));
        }
        if (proposed != null && !proposed.isAfter(lockedFrom)) {
            throw new domain.shared.InvalidValueException(
                    "opensAt", "opensAt must be later than " + lockedFrom + " (now + queue.opening-cache-ttl)");
        }
    }
}
