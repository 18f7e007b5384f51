package application.refund.port.out;

import domain.refund.Refund;
import domain.reservation.Reservation;
import java.util.Optional;
import java.util.UUID;

/** Refunds, each written together with the reservation and the seat it gives back. */
public interface RefundStore {
    /**
     * In the caller's transaction: the reservation {@code refunded} (REFUNDED) if it is still
     * CONFIRMED, its seat (SOLD for it) AVAILABLE again, and the refund row. False when the
     * reservation is no longer CONFIRMED (another refund or the cancellation job got there first):
     * then nothing is written. A second refund of one reservation is refused by the store itself
     * (one refund per reservation, whatever the caller does).
     */
    boolean record(Reservation refunded, Refund refund);

    Optional<Refund> findById(UUID refundId);

    Optional<Refund> findByReservation(UUID reservationId);
}
