package application.booking.port.in;

import domain.shared.UserId;
import java.util.UUID;

public interface GetReservationUseCase {
    ReservationView get(UserId userId, UUID reservationId);
}
