package application.booking;

import application.booking.port.in.HoldSeatUseCase;
import application.booking.port.in.ReservationView;
import application.booking.port.out.ReservationRepository;
import application.booking.port.out.SeatInventory;
import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.CheckAdmissionUseCase;
import domain.concert.BookingWindow;
import domain.concert.Schedule;
import domain.event.BookingEvents;
import domain.reservation.HoldLimitReachedException;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.reservation.SeatUnavailableException;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Holds a seat for an admitted fan. The seat is taken by one conditional write in the store, so of
 * any number of concurrent holds on one seat exactly one succeeds; the reservation and its
 * ReservationHeld event follow in one more write (D21). That write is refused when the fan already
 * has {@code maxHeldPerUser} live holds on the concert, and the whole hold rolls back: the seat
 * write took the fan's turn on the concert, so a burst of their holds is counted one at a time.
 * A schedule whose sale has closed ({@link BookingWindow}) is not held at all.
 */
@ApplicationScoped
public class HoldSeatService implements HoldSeatUseCase {
    private final ConcertRepository concerts;
    private final SeatInventory seats;
    private final ReservationRepository reservations;
    private final CheckAdmissionUseCase gate;
    private final HoldPolicy holdPolicy;
    private final BookingWindow window;
    private final Clock clock;

    public HoldSeatService(
            ConcertRepository concerts,
            SeatInventory seats,
            ReservationRepository reservations,
            CheckAdmissionUseCase gate,
            HoldPolicy holdPolicy,
            BookingWindow window,
            Clock clock) {
        this.concerts = concerts;
        this.seats = seats;
        this.reservations = reservations;
        this.gate = gate;
        this.holdPolicy = holdPolicy;
        this.window = window;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ReservationView hold(Command command) {
        Schedule schedule = concerts.schedule(command.scheduleId())
                .orElseThrow(() -> new NotFoundException("schedule", command.scheduleId()));
        long concertId = schedule.concertId();
        Instant now = clock.instant();
        window.requireOpen(schedule, now); // a closed sale says so, admitted or not (D48)
        gate.requireAdmitted(command.userId(), command.queueToken(), concertId);

        UUID reservationId = UUID.randomUUID();
        SeatInventory.HeldSeat seat = switch (seats.hold(
                command.scheduleId(),
                command.seatNumber(),
                reservationId,
                holdPolicy.expiryFor(now),
                now,
                command.userId(),
                concertId)) {
            case SeatInventory.HeldSeat held -> held;
            case SeatInventory.Refusal.TAKEN ->
                throw new SeatUnavailableException(command.scheduleId(), command.seatNumber());
            case SeatInventory.Refusal.NO_SUCH_SEAT -> throw new NotFoundException("seat", command.seatNumber());
        };
        Reservation reservation = Reservation.hold(
                reservationId,
                command.userId(),
                concertId,
                command.scheduleId(),
                seat.seatId(),
                command.seatNumber(),
                seat.price(),
                now,
                holdPolicy);
        if (!reservations.insertWithinLimit(
                reservation,
                BookingEvents.reservationHeld(UUID.randomUUID(), reservation, now),
                holdPolicy.maxHeldPerUser(),
                now)) {
            // a runtime exception: the transaction rolls back, and the seat with it
            throw new HoldLimitReachedException(concertId, holdPolicy.maxHeldPerUser());
        }
        return new ReservationView(reservation, reservation.storedStatus());
    }
}
