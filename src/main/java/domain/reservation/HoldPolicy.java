package domain.reservation;

import domain.shared.Configured;
import domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a reservation keeps its seat before an unpaid hold lapses, and how many live holds one
 * fan may have on one concert at once (the scalper's limit; a lapsed hold does not count).
 */
public record HoldPolicy(Duration holdTtl, int maxHeldPerUser) implements Configured {
    /** What {@code reservation.max-held-per-user} defaults to. */
    public static final int DEFAULT_MAX_HELD_PER_USER = 4;

    /** The largest limit accepted: more than a whole row of a hall is not a limit any more. */
    public static final int MAX_HELD_PER_USER = 1_000;

    public HoldPolicy {
        if (holdTtl == null || holdTtl.isNegative() || holdTtl.isZero()) {
            throw new InvalidValueException("reservation.hold-ttl", "the hold TTL must be positive");
        }
        if (maxHeldPerUser < 1 || maxHeldPerUser > MAX_HELD_PER_USER) {
            throw new InvalidValueException(
                    "reservation.max-held-per-user",
                    "a fan may hold 1 to " + MAX_HELD_PER_USER + " seats of a concert at once");
        }
    }

    public HoldPolicy(Duration holdTtl) {
        this(holdTtl, DEFAULT_MAX_HELD_PER_USER);
    }

    public Instant expiryFor(Instant heldAt) {
        return heldAt.plus(holdTtl);
    }

    /**
     * The rule of every hold, a seat's and a reservation's alike: a hold lapses at its expiry
     * instant, so from then on it holds nothing, whether or not a job has written that down. The
     * PostgreSQL stores spell it {@code expires_at <= :now} (a live hold: {@code expires_at > :now});
     * the port contract tests run both on the same table of instants.
     */
    public static boolean hasLapsed(Instant holdExpiresAt, Instant now) {
        return !holdExpiresAt.isAfter(now);
    }

    /**
     * The scalper's limit: a fan who has {@code liveHolds} live holds on a concert may take one more
     * while they are fewer than {@code maxHeldPerUser}. The reservation store applies it inside its
     * conditional INSERT ({@code count(*) < :max}); the port contract tests prove the two agree.
     */
    public static boolean allowsAnotherHold(long liveHolds, int maxHeldPerUser) {
        return liveHolds < maxHeldPerUser;
    }
}
