package application.catalog;

import static application.fakes.TestBed.onlySchedule;
import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.catalog.port.in.SeatView;
import application.fakes.TestBed;
import application.queue.QueueGate;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.ConcertPlan.SchedulePlan;
import domain.concert.ScheduleAvailability;
import domain.concert.SeatStatus;
import domain.queue.QueueAccessDeniedException;
import domain.reservation.Reservation;
import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrowseCatalogTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private QueueGate gate;
    private ListSeatsService seats;
    private ListAvailableSchedulesService schedules;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        gate = bed.gate();
        seats = new ListSeatsService(bed.concerts, gate, bed.clock);
        schedules = new ListAvailableSchedulesService(bed.concerts, gate, bed.clock, bed.bookingWindow);
    }

    @Test
    void seatsAreListedByNumberWithTheirStatusNow() {
        Concert concert = bed.concert(3, 10_000);
        Reservation held = bed.hold(BOB, concert, 2);
        String token = bed.admittedToken(ALICE, concert.id());

        List<SeatView> listed = seats.list(ALICE, token, onlySchedule(concert).id());

        assertEquals(
                List.of(1, 2, 3), listed.stream().map(v -> v.seat().number()).toList());
        assertEquals(
                List.of(SeatStatus.AVAILABLE, SeatStatus.HELD, SeatStatus.AVAILABLE),
                listed.stream().map(SeatView::status).toList());
        assertEquals(held.seatId(), listed.get(1).seat().id());
    }

    @Test
    void aLapsedHoldIsListedAsAvailable() {
        Concert concert = bed.concert(3, 10_000);
        Reservation held = bed.hold(BOB, concert, 2);
        bed.clock.set(held.expiresAt());
        String token = bed.admittedToken(ALICE, concert.id());

        List<SeatView> listed = seats.list(ALICE, token, onlySchedule(concert).id());

        assertEquals(SeatStatus.AVAILABLE, listed.get(1).status());
        assertEquals(SeatStatus.HELD, listed.get(1).seat().storedStatus());
    }

    @Test
    void seatsOfAnUnknownScheduleAreNotFound() {
        Concert concert = bed.concert(3, 10_000);
        String token = bed.admittedToken(ALICE, concert.id());

        NotFoundException e = assertThrows(NotFoundException.class, () -> seats.list(ALICE, token, 777));
        assertEquals("schedule", e.kind());
    }

    @Test
    void seatsNeedAnAdmittedToken() {
        Concert concert = bed.concert(3, 10_000);
        bed.queue.setMaxActive(concert.id(), 0);
        String waiting = bed.enter(ALICE, concert.id());

        QueueAccessDeniedException e = assertThrows(
                QueueAccessDeniedException.class,
                () -> seats.list(ALICE, waiting, onlySchedule(concert).id()));
        assertEquals(QueueAccessDeniedException.Reason.WAITING, e.reason());
    }

    @Test
    void onlyFutureSchedulesWithAFreeSeatAreOffered() {
        Concert concert = bed.concerts.create(
                new ConcertPlan(
                        "Tour",
                        List.of(
                                new SchedulePlan(bed.now().plus(Duration.ofDays(3)), 2, Money.won(1)),
                                new SchedulePlan(bed.now().plus(Duration.ofDays(1)), 1, Money.won(1)),
                                new SchedulePlan(bed.now().plus(Duration.ofHours(1)), 1, Money.won(1)))),
                bed.now());
        long inThreeDays = concert.schedules().get(0).id();
        long tomorrow = concert.schedules().get(1).id();
        long inAnHour = concert.schedules().get(2).id();
        bed.seats.hold(
                tomorrow, 1, UUID.randomUUID(), bed.now().plus(Duration.ofDays(9)), bed.now(), BOB, concert.id());
        bed.clock.advance(Duration.ofHours(2));
        String token = bed.admittedToken(ALICE, concert.id());

        List<ScheduleAvailability> offered = schedules.list(ALICE, token, concert.id());

        assertEquals(
                List.of(inThreeDays),
                offered.stream().map(ScheduleAvailability::id).toList());
        assertEquals(2, offered.getFirst().availableSeats());
        assertFalse(offered.stream().anyMatch(a -> a.id() == inAnHour));
    }

    @Test
    void aScheduleWhoseOnlyHoldLapsedIsOfferedAgain() {
        Concert concert = bed.concert(1, 10_000);
        Reservation held = bed.hold(BOB, concert, 1);
        String token = bed.admittedToken(ALICE, concert.id());
        assertEquals(List.of(), schedules.list(ALICE, token, concert.id()));

        bed.clock.set(held.expiresAt());

        List<ScheduleAvailability> offered = schedules.list(ALICE, token, concert.id());
        assertEquals(1, offered.size());
        assertEquals(1, offered.getFirst().availableSeats());
    }

    @Test
    void schedulesOfAnUnknownConcertAreNotFoundBeforeTheTokenIsChecked() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> schedules.list(ALICE, null, 4242));
        assertEquals("concert", e.kind());
    }

    @Test
    void schedulesNeedATokenForThatConcert() {
        Concert concert = bed.concert(1, 10_000);
        Concert other = bed.concert(1, 10_000);
        String token = bed.admittedToken(ALICE, other.id());

        QueueAccessDeniedException e =
                assertThrows(QueueAccessDeniedException.class, () -> schedules.list(ALICE, token, concert.id()));
        assertEquals(QueueAccessDeniedException.Reason.OTHER_CONCERT, e.reason());
    }
}
