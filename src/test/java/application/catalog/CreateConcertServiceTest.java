package application.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.TestBed;
import application.shared.PageRequest;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.ConcertPlan.SchedulePlan;
import domain.concert.Seat;
import domain.concert.SeatStatus;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateConcertServiceTest {
    private TestBed bed;
    private CreateConcertService service;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        service = new CreateConcertService(bed.concerts, bed.clock);
    }

    private SchedulePlan startingIn(Duration fromNow, int seats, long price) {
        return new SchedulePlan(bed.now().plus(fromNow), seats, Money.won(price));
    }

    @Test
    void aConcertIsStoredWithItsSchedulesAndNumberedSeats() {
        ConcertPlan plan = new ConcertPlan(
                "Spring Tour",
                List.of(startingIn(Duration.ofDays(10), 3, 40_000), startingIn(Duration.ofDays(11), 2, 50_000)));

        Concert concert = bed.tx.call(() -> service.create(plan));

        assertEquals("Spring Tour", concert.title());
        assertEquals(2, concert.schedules().size());
        assertTrue(bed.concerts.exists(concert.id()));
        List<Seat> first = bed.concerts.seatsOf(concert.schedules().get(0).id());
        assertEquals(List.of(1, 2, 3), first.stream().map(Seat::number).toList());
        assertTrue(first.stream().allMatch(s -> s.storedStatus() == SeatStatus.AVAILABLE));
        assertEquals(Money.won(40_000), first.getFirst().price());
        assertEquals(
                Money.won(50_000),
                bed.concerts.seatsOf(concert.schedules().get(1).id()).getFirst().price());
        assertEquals(
                concert.id(),
                bed.concerts.concertOfSchedule(concert.schedules().get(1).id()).orElseThrow());
    }

    @Test
    void aScheduleInThePastIsRejectedAndNothingIsStored() {
        ConcertPlan plan = new ConcertPlan(
                "Too late",
                List.of(startingIn(Duration.ofDays(10), 3, 40_000), startingIn(Duration.ofDays(-1), 3, 40_000)));

        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> bed.tx.call(() -> service.create(plan)));

        assertEquals("schedules", e.field());
        assertTrue(bed.concerts.list(PageRequest.first(1)).items().isEmpty());
    }

    @Test
    void aScheduleStartingThisVeryInstantIsRejected() {
        ConcertPlan plan = new ConcertPlan("Now", List.of(startingIn(Duration.ZERO, 3, 40_000)));

        assertThrows(InvalidValueException.class, () -> service.create(plan));
        assertTrue(bed.concerts.list(PageRequest.first(1)).items().isEmpty());
    }

    @Test
    void theCheckUsesTheClockNotTheWallClock() {
        ConcertPlan plan = new ConcertPlan("Soon", List.of(startingIn(Duration.ofHours(1), 3, 40_000)));
        bed.clock.advance(Duration.ofHours(2));

        assertThrows(InvalidValueException.class, () -> service.create(plan));
    }

    @Test
    void concertsAreListedOldestFirstWithoutSchedules() {
        Concert first = service.create(new ConcertPlan("A", List.of(startingIn(Duration.ofDays(1), 1, 1))));
        Concert second = service.create(new ConcertPlan("B", List.of(startingIn(Duration.ofDays(1), 1, 1))));

        List<Concert> listed = new ListConcertsService(bed.concerts)
                .list(PageRequest.first(10))
                .items();

        assertEquals(
                List.of(first.id(), second.id()),
                listed.stream().map(Concert::id).toList());
        assertTrue(listed.stream().allMatch(c -> c.schedules().isEmpty()));
    }
}
