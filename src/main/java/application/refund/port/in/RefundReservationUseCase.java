package application.refund.port.in;

import domain.refund.Refund;
import domain.shared.UserId;
import java.util.UUID;

public interface RefundReservationUseCase {
    /**
     * Gives the caller's CONFIRMED reservation back until refund.cutoff before its show, once per
     * Idempotency-Key: the wallet is credited the price less the fee, the seat is AVAILABLE again,
     * the ticket void, the reservation REFUNDED — in one transaction.
     */
    Result refund(Command command);

    record Command(UserId userId, UUID reservationId, String idempotencyKey) {}

    /** {@code replayed} is true when the key had already been answered with this refund. */
    record Result(Refund refund, boolean replayed) {}
}
