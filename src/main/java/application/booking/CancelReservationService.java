package application.booking;

import application.port.SeatInventory;
import domain.reservation.Reservation;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class CancelReservationService implements CancelReservationUseCase {
    private final SeatInventory seats;
    private final ReservationLoader loader;
    private final Clock clock;

    public CancelReservationService(SeatInventory seats, ReservationLoader loader, Clock clock) {
        this.seats = seats;
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void cancel(UserId userId, UUID reservationId) {
        Instant now = clock.instant();
        Reservation reservation = loader.ownedBy(userId, reservationId);
        loader.saveIfStillHeld(reservation.cancel(now), now);
        seats.release(reservation.seatId(), reservation.id());
    }
}
