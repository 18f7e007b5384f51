package domain.concert;

import domain.shared.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A seat of one schedule. A hold lasts until {@code holdExpiresAt}; after that the seat is
 * AVAILABLE again whether or not any clean-up has run, so status is always read at an instant.
 */
public record Seat(long id, long scheduleId, int number, Money price, SeatStatus storedStatus, Instant holdExpiresAt) {
    public Seat {
        Objects.requireNonNull(price);
        Objects.requireNonNull(storedStatus);
        if (storedStatus == SeatStatus.HELD && holdExpiresAt == null) {
            throw new IllegalArgumentException("a held seat has a hold expiry");
        }
    }

    public SeatStatus statusAt(Instant now) {
        return isHoldLapsed(storedStatus, holdExpiresAt, now) ? SeatStatus.AVAILABLE : storedStatus;
    }

    public boolean isAvailableAt(Instant now) {
        return statusAt(now) == SeatStatus.AVAILABLE;
    }

    /** The one rule every store must apply too: a hold whose time is up no longer holds. */
    public static boolean isHoldLapsed(SeatStatus status, Instant holdExpiresAt, Instant now) {
        return status == SeatStatus.HELD && !holdExpiresAt.isAfter(now);
    }
}
