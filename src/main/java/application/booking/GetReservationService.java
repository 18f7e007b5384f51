package application.booking;

import application.booking.port.in.GetReservationUseCase;
import application.booking.port.in.ReservationView;
import domain.reservation.Reservation;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class GetReservationService implements GetReservationUseCase {
    private final ReservationLoader loader;
    private final Clock clock;

    public GetReservationService(ReservationLoader loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public ReservationView get(UserId userId, UUID reservationId) {
        Reservation reservation = loader.ownedBy(userId, reservationId);
        return new ReservationView(reservation, reservation.statusAt(clock.instant()));
    }
}
