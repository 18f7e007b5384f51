package domain.queue;

import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fan's place in one concert's waiting room as it stands now.
 *
 * @param position 1-based place among those WAITING; 0 when ACTIVE
 * @param expiresAt when an ACTIVE token stops admitting its holder; null while WAITING
 */
public record QueueTicket(
        QueueToken token, UserId userId, long concertId, QueueStatus status, long position, Instant expiresAt) {

    public QueueTicket {
        Objects.requireNonNull(token);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(status);
        if (status == QueueStatus.WAITING && position < 1) {
            throw new IllegalArgumentException("a waiting ticket has a position of at least 1");
        }
        if (status == QueueStatus.ACTIVE && (position != 0 || expiresAt == null)) {
            throw new IllegalArgumentException("an active ticket has position 0 and an expiry");
        }
    }

    public static QueueTicket waiting(QueueToken token, UserId userId, long concertId, long position) {
        return new QueueTicket(token, userId, concertId, QueueStatus.WAITING, position, null);
    }

    public static QueueTicket active(QueueToken token, UserId userId, long concertId, Instant expiresAt) {
        return new QueueTicket(token, userId, concertId, QueueStatus.ACTIVE, 0, expiresAt);
    }

    public boolean isActiveAt(Instant now) {
        return status == QueueStatus.ACTIVE && stillActive(expiresAt, now);
    }

    /**
     * The rule of an ACTIVE token's end: it admits its holder until, not at, its expiry instant. The
     * waiting-room store applies it inside its scripts (a live ACTIVE token has a score above
     * {@code now}; a sweep drops those at or below it); the port contract tests prove they agree.
     */
    public static boolean stillActive(Instant expiresAt, Instant now) {
        return expiresAt.isAfter(now);
    }

    /**
     * The rule of a WAITING fan who has gone: one not seen (entering or polling) for {@code
     * waitingTtl} has left the line by then, so nobody's slot is spent on them. The waiting-room
     * store applies it in its admission round; the port contract tests prove they agree.
     */
    public static boolean hasAbandoned(Instant lastSeen, Duration waitingTtl, Instant now) {
        return !lastSeen.plus(waitingTtl).isAfter(now);
    }

    /** The fan must hold this ticket themselves: anyone else's token is refused. */
    public QueueTicket requireOwnedBy(UserId caller) {
        if (!userId.equals(caller)) {
            throw new QueueAccessDeniedException(QueueAccessDeniedException.Reason.NOT_YOURS);
        }
        return this;
    }

    /** The rule for every browse and reserve call: an ACTIVE token of this user for this concert. */
    public void requireAdmitted(UserId caller, long resourceConcertId, Instant now) {
        requireOwnedBy(caller);
        if (concertId != resourceConcertId) {
            throw new QueueAccessDeniedException(QueueAccessDeniedException.Reason.OTHER_CONCERT);
        }
        if (status == QueueStatus.WAITING) {
            throw new QueueAccessDeniedException(QueueAccessDeniedException.Reason.WAITING);
        }
        if (!isActiveAt(now)) {
            throw new QueueAccessDeniedException(QueueAccessDeniedException.Reason.EXPIRED);
        }
    }
}
