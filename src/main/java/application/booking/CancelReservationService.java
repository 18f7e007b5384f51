package application.booking;

import application.booking.port.in.CancelReservationUseCase;
import application.booking.port.out.SeatInventory;
import application.events.port.out.OutboxPort;
import domain.event.BookingEvents;
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
    private final OutboxPort outbox;
    private final Clock clock;

    public CancelReservationService(SeatInventory seats, ReservationLoader loader, OutboxPort outbox, Clock clock) {
        this.seats = seats;
        this.loader = loader;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void cancel(UserId userId, UUID reservationId) {
        Instant now = clock.instant();
        Reservation reservation = loader.ownedBy(userId, reservationId);
        Reservation cancelled = reservation.cancel(now);
        loader.saveIfStillHeld(cancelled, now);
        seats.release(reservation.seatId(), reservation.id());
        outbox.append(BookingEvents.reservationCancelled(UUID.randomUUID(), cancelled, now));
    }
}
