package application.booking.port.in;

import domain.payment.Payment;
import domain.shared.UserId;
import java.util.UUID;

public interface PayReservationUseCase {
    /** Pays the caller's HELD reservation from their wallet, once per Idempotency-Key. */
    Result pay(Command command);

    record Command(UserId userId, UUID reservationId, String idempotencyKey) {}

    /** {@code replayed} is true when the key had already been answered with this payment. */
    record Result(Payment payment, boolean replayed) {}
}
