package application.booking.port.in;

import domain.shared.UserId;
import java.util.UUID;

public interface CancelReservationUseCase {
    /** Cancels the caller's HELD reservation; its seat is available again at once. */
    void cancel(UserId userId, UUID reservationId);
}
