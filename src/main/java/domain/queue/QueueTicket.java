package domain.queue;

import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fan's place in one concert's waiting room as it stands now.
 *
 * @param position 1-based place among those WAITING; 0 when ACTIVE, and when the fan has no place
 *     yet (WAITING in the pre-queue of a sale not yet opened, D52) or is told SOLD_OUT (D53)
 * @param expiresAt when an ACTIVE token stops admitting its holder; null otherwise
 */
public record QueueTicket(
        QueueToken token, UserId userId, long concertId, QueueStatus status, long position, Instant expiresAt) {

    public QueueTicket {
        Objects.requireNonNull(token);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(status);
        if (status == QueueStatus.WAITING && position < 0) {
            throw new IllegalArgumentException("a waiting ticket has a position of at least 1, or 0 for none yet");
        }
        if (status == QueueStatus.SOLD_OUT && (position != 0 || expiresAt != null)) {
            throw new IllegalArgumentException("a sold-out ticket has no position and no expiry");
        }
        if (status == QueueStatus.ACTIVE && (position != 0 || expiresAt == null)) {
            throw new IllegalArgumentException("an active ticket has position 0 and an expiry");
        }
    }

    public static QueueTicket waiting(QueueToken token, UserId userId, long concertId, long position) {
        if (position < 1) {
            throw new IllegalArgumentException("a place in line is at least 1: " + position);
        }
        return new QueueTicket(token, userId, concertId, QueueStatus.WAITING, position, null);
    }

    /** WAITING in the pre-queue of a sale that has not opened (or is being opened): no position yet (D52). */
    public static QueueTicket preQueued(QueueToken token, UserId userId, long concertId) {
        return new QueueTicket(token, userId, concertId, QueueStatus.WAITING, 0, null);
    }

    /** A waiting fan told that nothing is left to sell (D53); they keep their place while they poll. */
    public static QueueTicket soldOut(QueueToken token, UserId userId, long concertId) {
        return new QueueTicket(token, userId, concertId, QueueStatus.SOLD_OUT, 0, null);
    }

    /** Whether the fan has a place in line (WAITING with a position). */
    public boolean hasPosition() {
        return status == QueueStatus.WAITING && position > 0;
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
        if (status == QueueStatus.WAITING || status == QueueStatus.SOLD_OUT) {
            throw new QueueAccessDeniedException(QueueAccessDeniedException.Reason.WAITING);
        }
        if (!isActiveAt(now)) {
            throw new QueueAccessDeniedException(QueueAccessDeniedException.Reason.EXPIRED);
        }
    }
}
