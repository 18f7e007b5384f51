package domain.concert;

import domain.shared.Configured;
import domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;

/**
 * When a schedule stops selling: at its start, or {@code closeBefore} earlier (D48). From then on
 * it is no longer listed, it cannot be held or paid, and its open holds are released.
 */
public record BookingWindow(Duration closeBefore) implements Configured {
    /** The longest accepted: a sale that closes more than a year ahead is a mistake. */
    public static final Duration MAX_CLOSE_BEFORE = Duration.ofDays(365);

    public BookingWindow {
        if (closeBefore == null || closeBefore.isNegative() || closeBefore.compareTo(MAX_CLOSE_BEFORE) > 0) {
            throw new InvalidValueException(
                    "reservation.close-before", "the sale closes 0 to 365 days before a schedule starts");
        }
    }

    /** When the sale of a schedule starting at {@code startsAt} closes. */
    public Instant closesAt(Instant startsAt) {
        return startsAt.minus(closeBefore);
    }

    /**
     * The rule: at {@code now} every schedule starting at or before this instant has closed its sale,
     * every later one is on sale. The stores spell it {@code starts_at <= :closedUpTo}.
     */
    public Instant closedUpTo(Instant now) {
        return now.plus(closeBefore);
    }

    /** Whether a schedule starting at {@code startsAt} is on sale at {@code now}. */
    public boolean isOpen(Instant startsAt, Instant now) {
        return startsAt.isAfter(closedUpTo(now));
    }

    /** @throws SaleClosedException when the schedule no longer sells at {@code now} */
    public void requireOpen(Schedule schedule, Instant now) {
        if (!isOpen(schedule.startsAt(), now)) {
            throw new SaleClosedException(schedule.id(), closesAt(schedule.startsAt()));
        }
    }
}
