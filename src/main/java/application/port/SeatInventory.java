package application.port;

import domain.shared.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Taking and giving back seats. Every method is one conditional write settled by the store, so
 * exactly one of any number of concurrent callers wins a seat.
 */
public interface SeatInventory {
    /** The seat's id and price, when it was available at {@code now} and is now held for the reservation. */
    Optional<HeldSeat> hold(long scheduleId, int seatNumber, UUID reservationId, Instant holdExpiresAt, Instant now);

    boolean exists(long scheduleId, int seatNumber);

    /** Marks the seat SOLD if it is still held for that reservation. */
    boolean sell(long seatId, UUID reservationId);

    /** Makes the seat AVAILABLE if it is still held for that reservation (not if someone else took it since). */
    boolean release(long seatId, UUID reservationId);

    record HeldSeat(long seatId, Money price) {}
}
