package application.booking;

import static application.fakes.TestBed.onlySchedule;
import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.in.HoldSeatUseCase;
import application.booking.port.in.HoldSeatsUseCase;
import application.booking.port.in.ReservationView;
import application.fakes.TestBed;
import domain.concert.BookingWindow;
import domain.concert.Concert;
import domain.concert.SaleClosedException;
import domain.concert.SeatStatus;
import domain.event.BookingEvents;
import domain.queue.QueueAccessDeniedException;
import domain.reservation.HoldLimitReachedException;
import domain.reservation.Reservation;
import domain.reservation.SeatUnavailableException;
import domain.shared.InvalidValueException;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldSeatsServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private HoldSeatsService service;
    private Concert concert;
    private long scheduleId;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        service = service(bed.bookingWindow);
        concert = bed.concert(10, 40_000);
        scheduleId = onlySchedule(concert).id();
    }

    private HoldSeatsService service(BookingWindow window) {
        return new HoldSeatsService(
                bed.concerts, bed.seats, bed.reservations, bed.gate(), bed.holdPolicy, window, bed.clock);
    }

    /** In a fake transaction: what a refusal leaves behind is rolled back, as in the service. */
    private HoldSeatsUseCase.OrderView hold(UserId userId, Integer... seats) {
        String token = bed.admittedToken(userId, concert.id());
        return bed.tx.call(() -> service.hold(new HoldSeatsUseCase.Command(userId, token, scheduleId, List.of(seats))));
    }

    private SeatStatus seat(int number) {
        return bed.seats.row(scheduleId, number).status();
    }

    @Test
    void everySeatOfTheOrderIsHeldOnceEachSharingTheOrderId() {
        HoldSeatsUseCase.OrderView order = hold(ALICE, 6, 3, 4);

        assertEquals(
                List.of(3, 4, 6),
                order.reservations().stream()
                        .map(v -> v.reservation().seatNumber())
                        .toList(),
                "ascending by seat number");
        for (ReservationView view : order.reservations()) {
            Reservation r = view.reservation();
            assertEquals(order.orderId(), r.orderId());
            assertEquals(ALICE, r.userId());
            assertEquals(bed.now().plus(TestBed.HOLD_TTL), r.expiresAt());
            assertEquals(r, bed.reservations.findById(r.id()).orElseThrow());
            assertEquals(r.id(), bed.seats.row(scheduleId, r.seatNumber()).reservationId());
            assertEquals(SeatStatus.HELD, seat(r.seatNumber()));
        }
        assertEquals(Collections.nCopies(3, BookingEvents.RESERVATION_HELD), bed.outbox.types());
        assertEquals(
                order.orderId().toString(),
                bed.outbox.events().getFirst().payload().get("orderId"));
    }

    @Test
    void aTakenSeatRefusesTheWholeOrderNamingEveryUnavailableSeat() {
        hold(BOB, 4);
        hold(BOB, 7);

        SeatUnavailableException e = assertThrows(SeatUnavailableException.class, () -> hold(ALICE, 7, 3, 4, 5));

        assertEquals(List.of(4, 7), e.seatNumbers());
        assertTrue(e.ofOrder());
        assertEquals(SeatStatus.AVAILABLE, seat(3), "nothing of the order is held");
        assertEquals(SeatStatus.AVAILABLE, seat(5), "nothing of the order is held");
        assertEquals(2, bed.reservations.size());
    }

    @Test
    void aSeatTheScheduleLacksIsNotFoundAndNothingIsHeld() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> hold(ALICE, 2, 11));

        assertEquals("seat", e.kind());
        assertEquals("11", e.id());
        assertEquals(SeatStatus.AVAILABLE, seat(2));
        assertEquals(0, bed.reservations.size());
    }

    @Test
    void everySeatCountsAgainstTheHoldLimitAndAnOrderOverItHoldsNothing() {
        hold(ALICE, 1, 2); // the limit is 4

        assertThrows(HoldLimitReachedException.class, () -> hold(ALICE, 3, 4, 5));

        assertEquals(SeatStatus.AVAILABLE, seat(3), "rolled back with the order");
        assertEquals(SeatStatus.AVAILABLE, seat(4), "rolled back with the order");
        assertEquals(2, bed.reservations.size());
        assertEquals(2, hold(ALICE, 3, 4).reservations().size(), "up to the limit");
    }

    @Test
    void anOrderIsOneToTheLimitOfDistinctSeats() {
        assertEquals(
                "seatNumbers",
                assertThrows(InvalidValueException.class, () -> hold(ALICE)).field());
        assertThrows(InvalidValueException.class, () -> hold(ALICE, 1, 2, 3, 4, 5));
        assertThrows(InvalidValueException.class, () -> hold(ALICE, 2, 2));
        assertEquals(0, bed.reservations.size());
        assertEquals(1, hold(ALICE, 9).reservations().size(), "an order of one");
    }

    @Test
    void anUnknownScheduleIsNotFoundAndAnUnadmittedFanIsRefused() {
        assertThrows(
                NotFoundException.class, () -> service.hold(new HoldSeatsUseCase.Command(ALICE, "t", 999, List.of(1))));
        assertThrows(
                QueueAccessDeniedException.class,
                () -> service.hold(new HoldSeatsUseCase.Command(ALICE, null, scheduleId, List.of(1))));
        assertEquals(SeatStatus.AVAILABLE, seat(1));
    }

    @Test
    void noSeatIsHeldOnceTheSaleHasClosed() {
        service = service(new BookingWindow(Duration.ofHours(2)));
        bed.clock.set(
                onlySchedule(concert).startsAt().minus(Duration.ofHours(2)).minusMillis(1));
        assertEquals(1, hold(ALICE, 1).reservations().size(), "a millisecond before the close");
        bed.clock.advance(Duration.ofMillis(1));

        SaleClosedException e = assertThrows(SaleClosedException.class, () -> hold(BOB, 2, 3));

        assertEquals(scheduleId, e.scheduleId());
        assertEquals(onlySchedule(concert).startsAt().minus(Duration.ofHours(2)), e.closedAt());
        assertEquals(SeatStatus.AVAILABLE, seat(2));
    }

    @Test
    void aSingleHoldIsAnOrderOfOne() {
        HoldSeatService single = new HoldSeatService(
                bed.concerts, bed.seats, bed.reservations, bed.gate(), bed.holdPolicy, bed.bookingWindow, bed.clock);
        String token = bed.admittedToken(ALICE, concert.id());
        Reservation r = single.hold(new HoldSeatUseCase.Command(ALICE, token, scheduleId, 5))
                .reservation();

        assertEquals(r.id(), r.orderId());
    }
}
