package application.booking;

import static application.fakes.TestBed.onlySchedule;
import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.in.HoldSeatUseCase;
import application.booking.port.in.ReservationView;
import application.fakes.InMemorySeatInventory;
import application.fakes.TestBed;
import domain.concert.Concert;
import domain.concert.SeatStatus;
import domain.event.BookingEvents;
import domain.event.DomainEvent;
import domain.queue.QueueAccessDeniedException;
import domain.reservation.HoldLimitReachedException;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.reservation.SeatUnavailableException;
import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldSeatServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private HoldSeatService service;
    private Concert concert;
    private long scheduleId;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        service = new HoldSeatService(
                bed.concerts, bed.seats, bed.reservations, bed.gate(), bed.holdPolicy, bed.bookingWindow, bed.clock);
        concert = bed.concert(10, 55_000);
        scheduleId = onlySchedule(concert).id();
    }

    private ReservationView hold(UserId userId, int seatNumber) {
        return service.hold(
                new HoldSeatUseCase.Command(userId, bed.admittedToken(userId, concert.id()), scheduleId, seatNumber));
    }

    @Test
    void anAdmittedFanHoldsAFreeSeat() {
        ReservationView view = hold(ALICE, 4);

        Reservation reservation = view.reservation();
        assertEquals(ReservationStatus.HELD, view.status());
        assertEquals(ALICE, reservation.userId());
        assertEquals(concert.id(), reservation.concertId());
        assertEquals(scheduleId, reservation.scheduleId());
        assertEquals(4, reservation.seatNumber());
        assertEquals(Money.won(55_000), reservation.price());
        assertEquals(bed.now(), reservation.createdAt());
        assertEquals(bed.now().plus(TestBed.HOLD_TTL), reservation.expiresAt());
    }

    @Test
    void theHoldIsWrittenToTheSeatAndTheReservationIsStored() {
        Reservation reservation = hold(ALICE, 4).reservation();

        InMemorySeatInventory.Row seat = bed.seats.row(scheduleId, 4);
        assertEquals(SeatStatus.HELD, seat.status());
        assertEquals(reservation.id(), seat.reservationId());
        assertEquals(reservation.expiresAt(), seat.holdExpiresAt());
        assertEquals(seat.id(), reservation.seatId());
        assertEquals(reservation, bed.reservations.findById(reservation.id()).orElseThrow());
        DomainEvent event = bed.outbox.events().getFirst();
        assertEquals(List.of(BookingEvents.RESERVATION_HELD), bed.outbox.types());
        assertEquals(BookingEvents.reservationHeld(event.id(), reservation, bed.now()), event);
    }

    @Test
    void holdingATakenSeatIsRejected() {
        Reservation alices = hold(ALICE, 4).reservation();

        SeatUnavailableException e = assertThrows(SeatUnavailableException.class, () -> hold(BOB, 4));

        assertEquals(scheduleId, e.scheduleId());
        assertEquals(4, e.seatNumber());
        assertEquals(alices.id(), bed.seats.row(scheduleId, 4).reservationId());
        assertEquals(1, bed.reservations.size());
        assertEquals(List.of(BookingEvents.RESERVATION_HELD), bed.outbox.types());
    }

    @Test
    void holdingASoldSeatIsRejected() {
        Reservation alices = hold(ALICE, 4).reservation();
        bed.seats.sell(alices.seatId(), alices.id());
        bed.clock.advance(TestBed.HOLD_TTL.plus(Duration.ofMinutes(1)));

        assertThrows(SeatUnavailableException.class, () -> hold(BOB, 4));
    }

    @Test
    void aSeatNumberTheScheduleDoesNotHaveIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> hold(ALICE, 11));

        assertEquals("seat", e.kind());
        assertEquals("11", e.id());
        assertEquals(0, bed.reservations.size());
    }

    @Test
    void anUnknownScheduleIsNotFound() {
        String token = bed.admittedToken(ALICE, concert.id());

        NotFoundException e = assertThrows(
                NotFoundException.class, () -> service.hold(new HoldSeatUseCase.Command(ALICE, token, 9_999, 1)));
        assertEquals("schedule", e.kind());
    }

    @Test
    void aLapsedHoldCanBeHeldByTheNextFan() {
        Reservation alices = hold(ALICE, 4).reservation();
        bed.clock.set(alices.expiresAt());

        Reservation bobs = hold(BOB, 4).reservation();

        assertNotEquals(alices.id(), bobs.id());
        assertEquals(bobs.id(), bed.seats.row(scheduleId, 4).reservationId());
        assertEquals(
                bed.now().plus(TestBed.HOLD_TTL), bed.seats.row(scheduleId, 4).holdExpiresAt());
    }

    @Test
    void aHoldOneMillisecondFromLapsingStillKeepsTheSeat() {
        Reservation alices = hold(ALICE, 4).reservation();
        bed.clock.set(alices.expiresAt().minusMillis(1));

        assertThrows(SeatUnavailableException.class, () -> hold(BOB, 4));
    }

    private ReservationView holdInTransaction(UserId userId, int seatNumber) {
        String token = bed.admittedToken(userId, concert.id());
        return bed.tx.call(() -> service.hold(new HoldSeatUseCase.Command(userId, token, scheduleId, seatNumber)));
    }

    @Test
    void aFanHoldsUpToTheLimitAndTheNextHoldIsRefusedWithoutTakingTheSeat() {
        for (int seat = 1; seat <= bed.holdPolicy.maxHeldPerUser(); seat++) {
            holdInTransaction(ALICE, seat);
        }

        HoldLimitReachedException e = assertThrows(HoldLimitReachedException.class, () -> holdInTransaction(ALICE, 5));

        assertEquals(4, e.limit());
        assertEquals(concert.id(), e.concertId());
        assertEquals(SeatStatus.AVAILABLE, bed.seats.row(scheduleId, 5).status());
        assertEquals(4, bed.reservations.size());
        assertEquals(ReservationStatus.HELD, holdInTransaction(BOB, 5).status());
    }

    @Test
    void theLimitIsPerConcert() {
        for (int seat = 1; seat <= 4; seat++) {
            holdInTransaction(ALICE, seat);
        }
        Concert other = bed.concert(3, 1_000);
        String token = bed.admittedToken(ALICE, other.id());

        ReservationView view = service.hold(
                new HoldSeatUseCase.Command(ALICE, token, onlySchedule(other).id(), 1));

        assertEquals(ReservationStatus.HELD, view.status());
    }

    @Test
    void aLapsedHoldNoLongerCountsEvenBeforeTheExpiryJobRuns() {
        for (int seat = 1; seat <= 4; seat++) {
            holdInTransaction(ALICE, seat);
        }
        bed.clock.advance(TestBed.HOLD_TTL);

        for (int seat = 5; seat <= 8; seat++) {
            assertEquals(ReservationStatus.HELD, holdInTransaction(ALICE, seat).status());
        }
        assertThrows(HoldLimitReachedException.class, () -> holdInTransaction(ALICE, 9));
    }

    @Test
    void aCancelledOrPaidHoldFreesRoom() {
        List<Reservation> held = new ArrayList<>();
        for (int seat = 1; seat <= 4; seat++) {
            held.add(holdInTransaction(ALICE, seat).reservation());
        }
        bed.reservations.overwrite(held.get(0).cancel(bed.now()));
        bed.reservations.overwrite(held.get(1).confirm(bed.now()));

        holdInTransaction(ALICE, 5);
        holdInTransaction(ALICE, 6);

        assertThrows(HoldLimitReachedException.class, () -> holdInTransaction(ALICE, 7));
    }

    @Test
    void theLimitIsASetting() {
        service = new HoldSeatService(
                bed.concerts,
                bed.seats,
                bed.reservations,
                bed.gate(),
                new HoldPolicy(TestBed.HOLD_TTL, 1),
                bed.bookingWindow,
                bed.clock);
        holdInTransaction(ALICE, 1);

        assertEquals(
                1,
                assertThrows(HoldLimitReachedException.class, () -> holdInTransaction(ALICE, 2))
                        .limit());
    }

    @Test
    void aFanStillWaitingInLineCannotHold() {
        bed.queue.setMaxActive(concert.id(), 0);
        String waiting = bed.enter(ALICE, concert.id());

        QueueAccessDeniedException e = assertThrows(
                QueueAccessDeniedException.class,
                () -> service.hold(new HoldSeatUseCase.Command(ALICE, waiting, scheduleId, 4)));

        assertEquals(QueueAccessDeniedException.Reason.WAITING, e.reason());
        assertEquals(SeatStatus.AVAILABLE, bed.seats.row(scheduleId, 4).status());
        assertEquals(0, bed.reservations.size());
    }

    @Test
    void aFanWithoutATokenCannotHold() {
        QueueAccessDeniedException e = assertThrows(
                QueueAccessDeniedException.class,
                () -> service.hold(new HoldSeatUseCase.Command(ALICE, null, scheduleId, 4)));

        assertEquals(QueueAccessDeniedException.Reason.MISSING, e.reason());
    }

    @Test
    void aTokenForAnotherConcertCannotHoldHere() {
        Concert other = bed.concert(3, 1_000);
        String token = bed.admittedToken(ALICE, other.id());

        QueueAccessDeniedException e = assertThrows(
                QueueAccessDeniedException.class,
                () -> service.hold(new HoldSeatUseCase.Command(ALICE, token, scheduleId, 4)));

        assertEquals(QueueAccessDeniedException.Reason.OTHER_CONCERT, e.reason());
    }

    @Test
    void someoneElsesTokenCannotHold() {
        String alices = bed.admittedToken(ALICE, concert.id());

        QueueAccessDeniedException e = assertThrows(
                QueueAccessDeniedException.class,
                () -> service.hold(new HoldSeatUseCase.Command(BOB, alices, scheduleId, 4)));

        assertEquals(QueueAccessDeniedException.Reason.NOT_YOURS, e.reason());
    }

    @Test
    void ofManyConcurrentHoldsOnOneSeatExactlyOneWins() throws Exception {
        int fans = 16;
        List<HoldSeatUseCase.Command> commands = new ArrayList<>();
        for (int i = 0; i < fans; i++) {
            UserId fan = user("fan" + i);
            commands.add(new HoldSeatUseCase.Command(fan, bed.admittedToken(fan, concert.id()), scheduleId, 7));
        }
        ExecutorService pool = Executors.newFixedThreadPool(fans);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (HoldSeatUseCase.Command command : commands) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        service.hold(command);
                        return true;
                    } catch (SeatUnavailableException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                if (outcome.get(30, TimeUnit.SECONDS)) {
                    winners++;
                }
            }
            assertEquals(1, winners);
            assertEquals(1, bed.reservations.size());
            assertTrue(bed.reservations
                    .findById(bed.seats.row(scheduleId, 7).reservationId())
                    .isPresent());
        } finally {
            pool.shutdownNow();
        }
    }
}
