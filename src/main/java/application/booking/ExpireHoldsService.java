package application.booking;

import application.booking.port.in.ExpireHoldsUseCase;
import application.booking.port.out.ReservationRepository;
import application.booking.port.out.SeatInventory;
import application.events.port.out.OutboxPort;
import domain.concert.BookingWindow;
import domain.event.BookingEvents;
import domain.reservation.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes down what reads already know: a lapsed hold is EXPIRED and its seat AVAILABLE. Then
 * releases the holds of schedules whose sale has closed ({@link BookingWindow}, D48) the same way,
 * before they lapse. Safe from any number of instances: each reservation is claimed by exactly one
 * of them.
 */
@ApplicationScoped
public class ExpireHoldsService implements ExpireHoldsUseCase {
    private final ReservationRepository reservations;
    private final SeatInventory seats;
    private final OutboxPort outbox;
    private final Clock clock;
    private final BookingWindow window;

    public ExpireHoldsService(
            ReservationRepository reservations,
            SeatInventory seats,
            OutboxPort outbox,
            Clock clock,
            BookingWindow window) {
        this.reservations = reservations;
        this.seats = seats;
        this.outbox = outbox;
        this.clock = clock;
        this.window = window;
    }

    @Override
    @Transactional
    public int expireBatch(int batchSize) {
        Instant now = clock.instant();
        List<Reservation> expired = reservations.expireLapsed(now, batchSize);
        for (Reservation reservation : expired) {
            seats.release(reservation.seatId(), reservation.id());
            outbox.append(BookingEvents.reservationExpired(UUID.randomUUID(), reservation, now));
        }
        List<Reservation> closed =
                reservations.expireAtSaleClose(window.closedUpTo(now), now, batchSize - expired.size());
        for (Reservation reservation : closed) {
            seats.release(reservation.seatId(), reservation.id());
            outbox.append(BookingEvents.reservationReleasedAtSaleClose(UUID.randomUUID(), reservation, now));
        }
        return expired.size() + closed.size();
    }
}
