package application.queue.port.out;

import application.shared.RateLimit;
import application.shared.RateLimitedException;
import application.shared.Stages;
import domain.concert.Inventory;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.queue.WaitingRoomStats;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The waiting rooms. Every method is atomic in the store: no two callers can both take the last
 * active slot, and a user has at most one live token per concert.
 */
public interface QueueStore {
    /**
     * Puts the user in line with {@code candidate}, or returns the live token they already have.
     * Someone arriving at an empty line while a slot is free is admitted at once.
     */
    Entry enter(Arrival arrival);

    /**
     * {@link #enter} without blocking the caller's thread: the entry endpoint runs on the event loop.
     * The arrival's rate-limit buckets are counted first in the same atomic step: over a limit the
     * stage fails with {@link RateLimitedException} and nothing changes. This default answers at once
     * from {@link #enter} and can take no limits; a store on a network answers when it does.
     */
    default CompletionStage<Entry> enterLater(Arrival arrival) {
        if (!arrival.limits().isEmpty()) {
            throw new UnsupportedOperationException("this queue store cannot count rate limits");
        }
        return Stages.now(() -> enter(arrival));
    }

    /**
     * The ticket as it stands now; empty for an unknown, released or expired token. The caller has
     * verified the token's signature: a token issued before the store's current state began (the
     * store lost its data since) is put back in line at its own arrival order, once per user and
     * room, within the restore window (D33). {@code defaultMaxActive} is the cap to report when the
     * store has none.
     */
    Optional<View> find(QueueToken token, Instant now, int defaultMaxActive);

    /**
     * {@link #find} without blocking the caller's thread: the poll endpoint runs on the event loop.
     * This default answers at once from {@link #find}; a store on a network answers when it does.
     */
    default CompletionStage<Optional<View>> findLater(QueueToken token, Instant now, int defaultMaxActive) {
        return findLater(token, now, defaultMaxActive, List.of());
    }

    /**
     * {@link #findLater}, counted first in the caller's rate-limit {@code limits} in the same atomic
     * step: over a limit the stage fails with {@link RateLimitedException} and nothing is looked up or
     * touched. This default counts nothing and can take no limits; a shared store counts them.
     */
    default CompletionStage<Optional<View>> findLater(
            QueueToken token, Instant now, int defaultMaxActive, List<RateLimit> limits) {
        if (!limits.isEmpty()) {
            throw new UnsupportedOperationException("this queue store cannot count rate limits");
        }
        return Stages.now(() -> find(token, now, defaultMaxActive));
    }

    /** Removes the token from its waiting room, freeing its active slot. */
    void release(QueueToken token);

    /** Frees the user's active slot (or place in line) for the concert, if they have one. */
    void releaseUser(long concertId, UserId userId);

    /**
     * Lets waiting users in, in arrival order, up to the concert's limit ({@code
     * AdmissionPolicy.freeSlots}); returns how many. Ends what {@link #expireActive} ends first.
     */
    default long admit(long concertId, Instant now, int defaultMaxActive, Duration activeTtl) {
        return admit(concertId, now, defaultMaxActive, activeTtl, Inventory.Verdict.OPEN);
    }

    /**
     * One admission round with the concert's inventory as read this round (D53): OPEN admits up to
     * the cap; PAUSED admits no one; SOLD_OUT admits no one and has its waiting fans told {@code
     * SOLD_OUT} until a round finds seats again. While a pre-queue is still to be placed (D52) only
     * fans ahead of its floor are let in ({@code SaleOpening.admitsBeforePlacement}).
     */
    long admit(long concertId, Instant now, int defaultMaxActive, Duration activeTtl, Inventory.Verdict inventory);

    /**
     * Closes the room's pre-queue at the sale's opening (D52), at once however large: the room is
     * marked opened at {@code floor} (later entries queue at or above it) and its pre-queue becomes
     * the frozen pre-queue, the shuffle's input, which no call changes any more. Idempotent: a later
     * call changes nothing. Returns the frozen pre-queue's size.
     */
    long freezePreQueue(long concertId, long floor);

    /** Tokens {@code from} … {@code from + count − 1} of the frozen pre-queue in arrival order (ties by token). */
    List<QueueToken> frozenPreQueue(long concertId, long from, int count);

    /**
     * Puts these tokens of the frozen pre-queue in line at their order; idempotent (a re-run writes
     * the same orders), skipping tokens nobody holds any more and tokens already admitted. Returns
     * how many are in line.
     */
    long placePreQueue(long concertId, List<Placement> placements);

    /** Forgets the frozen pre-queue once every token of it is in line (the opening is recorded). */
    void dropFrozenPreQueue(long concertId);

    /** A token of the pre-queue and its order in line ({@code SaleOpening.preQueueOrder}). */
    record Placement(QueueToken token, long order) {}

    /**
     * Drops ACTIVE tokens whose time is up ({@code QueueTicket.stillActive}) and WAITING ones whose
     * fan was not seen, entering or looking the token up, for the waiting TTL ({@code
     * QueueTicket.hasAbandoned}); returns how many. A room with nobody left leaves {@link
     * #concertsInQueue}.
     */
    long expireActive(long concertId, Instant now);

    /** Concerts that have anyone waiting or active. */
    Set<Long> concertsInQueue();

    WaitingRoomStats stats(long concertId, Instant now, int defaultMaxActive);

    /**
     * Sets the room's cap to the stored {@code version} of it, unless the store already has that
     * version or a newer one (so a late writer never undoes a newer change).
     */
    void setMaxActive(long concertId, int maxActive, long version);

    /** A ticket with what is needed to estimate the wait. */
    record View(QueueTicket ticket, double admissionsPerSecond, int maxActive) {}

    record Entry(View view, boolean created) {}

    /**
     * A fan at the door: {@code candidate} is the token they get if they are new; a room without a
     * limit in the store admits {@code defaultMaxActive} at once (the cap stored in the database,
     * or the configured default), each for {@code activeTtl}. {@code returning} is the verified
     * token the fan presented, put back at its place if the store lost it (as {@link #find}).
     * {@code limits}: the call's rate-limit buckets, counted by {@link #enterLater} (D30). {@code
     * opensAt}: when the concert's sale opens (null: no opening time); a fan arriving before it
     * waits in the pre-queue ({@code SaleOpening.preQueues}, D52).
     */
    record Arrival(
            long concertId,
            UserId userId,
            QueueToken candidate,
            Instant now,
            int defaultMaxActive,
            Duration activeTtl,
            Optional<QueueToken> returning,
            List<RateLimit> limits,
            Instant opensAt) {
        public Arrival {
            Objects.requireNonNull(returning);
            limits = List.copyOf(limits);
        }

        public Arrival(
                long concertId,
                UserId userId,
                QueueToken candidate,
                Instant now,
                int defaultMaxActive,
                Duration activeTtl,
                Optional<QueueToken> returning,
                List<RateLimit> limits) {
            this(concertId, userId, candidate, now, defaultMaxActive, activeTtl, returning, limits, null);
        }

        /** The same arrival at a concert whose sale opens at {@code opensAt}. */
        public Arrival opening(Instant opensAt) {
            return new Arrival(
                    concertId, userId, candidate, now, defaultMaxActive, activeTtl, returning, limits, opensAt);
        }

        public Arrival(
                long concertId,
                UserId userId,
                QueueToken candidate,
                Instant now,
                int defaultMaxActive,
                Duration activeTtl) {
            this(concertId, userId, candidate, now, defaultMaxActive, activeTtl, Optional.empty(), List.of(), null);
        }
    }
}
