package application.booking;

import application.booking.port.in.HoldSeatsUseCase;
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
import domain.shared.InvalidValueException;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Holds several seats of one schedule for an admitted fan as one order, all or nothing, in one
 * transaction (D47). The seat store takes every seat or none, locking them in seat-id order so that
 * overlapping orders queue instead of deadlocking; then one reservation per seat is written, each
 * counted against {@code maxHeldPerUser} like a single hold (the store took the fan's turn after the
 * seats). Any refusal is an exception, and the transaction rolls back everything it wrote.
 */
@ApplicationScoped
public class HoldSeatsService implements HoldSeatsUseCase {
    private final ConcertRepository concerts;
    private final SeatInventory seats;
    private final ReservationRepository reservations;
    private final CheckAdmissionUseCase gate;
    private final HoldPolicy holdPolicy;
    private final BookingWindow window;
    private final Clock clock;

    public HoldSeatsService(
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
    public OrderView hold(Command command) {
        List<Integer> numbers = validSeatNumbers(command.seatNumbers());
        Schedule schedule = concerts.schedule(command.scheduleId())
                .orElseThrow(() -> new NotFoundException("schedule", command.scheduleId()));
        long concertId = schedule.concertId();
        Instant now = clock.instant();
        window.requireOpen(schedule, now);
        gate.requireAdmitted(command.userId(), command.queueToken(), concertId);

        UUID orderId = UUID.randomUUID();
        List<SeatInventory.SeatClaim> claims = numbers.stream()
                .map(number -> new SeatInventory.SeatClaim(number, UUID.randomUUID()))
                .toList();
        SeatInventory.HeldOrder held = switch (seats.holdAll(
                command.scheduleId(), claims, holdPolicy.expiryFor(now), now, command.userId(), concertId)) {
            case SeatInventory.HeldOrder order -> order;
            case SeatInventory.RefusedOrder refused
            when !refused.missing().isEmpty() ->
                throw new NotFoundException("seat", refused.missing().getFirst());
            case SeatInventory.RefusedOrder refused ->
                throw new SeatUnavailableException(command.scheduleId(), refused.taken());
        };

        List<ReservationView> views = new ArrayList<>(claims.size());
        for (SeatInventory.SeatClaim claim : claims) {
            SeatInventory.HeldSeat seat = held.seats().get(claim.seatNumber());
            Reservation reservation = Reservation.hold(
                            claim.reservationId(),
                            command.userId(),
                            concertId,
                            command.scheduleId(),
                            seat.seatId(),
                            claim.seatNumber(),
                            seat.price(),
                            now,
                            holdPolicy)
                    .inOrder(orderId);
            if (!reservations.insertWithinLimit(
                    reservation,
                    BookingEvents.reservationHeld(UUID.randomUUID(), reservation, now),
                    holdPolicy.maxHeldPerUser(),
                    now)) {
                // a runtime exception: the transaction rolls back, every seat of the order with it
                throw new HoldLimitReachedException(concertId, holdPolicy.maxHeldPerUser());
            }
            views.add(new ReservationView(reservation, reservation.storedStatus()));
        }
        return new OrderView(orderId, views);
    }

    /** 1 … maxHeldPerUser distinct seat numbers, ascending. */
    private List<Integer> validSeatNumbers(List<Integer> seatNumbers) {
        if (seatNumbers.isEmpty() || seatNumbers.size() > holdPolicy.maxHeldPerUser()) {
            throw new InvalidValueException(
                    "seatNumbers",
                    "name 1 to " + holdPolicy.maxHeldPerUser() + " seats (reservation.max-held-per-user)");
        }
        if (new HashSet<>(seatNumbers).size() != seatNumbers.size()) {
            throw new InvalidValueException("seatNumbers", "name each seat once");
        }
        return seatNumbers.stream().sorted().toList();
    }
}
