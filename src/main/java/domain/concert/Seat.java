package domain.concert;

import domain.reservation.HoldPolicy;
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
        return storedStatus == SeatStatus.HELD && HoldPolicy.hasLapsed(holdExpiresAt, now)
                ? SeatStatus.AVAILABLE
                : storedStatus;
    }

    /**
     * Whether a hold may take the seat at {@code now}: AVAILABLE, or HELD with a lapsed hold. The
     * seat store spells it in its conditional UPDATE and in the catalogue's count of free seats.
     */
    public boolean isAvailableAt(Instant now) {
        return statusAt(now) == SeatStatus.AVAILABLE;
    }
}
