package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.catalog.port.out.ConcertRepository;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.Inventory;
import domain.concert.Schedule;
import domain.concert.ScheduleAvailability;
import domain.concert.Seat;
import domain.concert.SeatStatus;
import domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ConcertRepository}: concerts, schedules and seats as the catalogue sees them. The count of
 * seats one can hold now is SQL in the store; {@link
 * #availableSeatsAreCountedExactlyAsTheDomainReadsEachSeat} holds it to {@link Seat#isAvailableAt}
 * around a hold's expiry instant.
 */
public abstract class ConcertRepositoryContract extends PortContract<ConcertRepository> {
    protected ConcertRepositoryContract(Supplier<Stores> implementations) {
        super(implementations, Stores::concerts);
    }

    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));

    private Concert create(String title, List<ConcertPlan.SchedulePlan> schedules) {
        return tx().call(() -> store().create(new ConcertPlan(title, schedules), NOW));
    }

    private static ConcertPlan.SchedulePlan schedule(Instant startsAt, int seats, long price) {
        return new ConcertPlan.SchedulePlan(startsAt, seats, Money.won(price));
    }

    private static long unknownId() {
        return 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    @Test
    void aConcertIsStoredWithItsSchedulesAndEverySeatNumberedFromOne() {
        Instant first = NOW.plus(Duration.ofDays(30));
        Instant second = NOW.plus(Duration.ofDays(31));

        Concert concert =
                create("Contract " + UUID.randomUUID(), List.of(schedule(first, 3, 5_000), schedule(second, 1, 9_000)));

        assertEquals(2, concert.schedules().size());
        Schedule a = concert.schedules().get(0);
        Schedule b = concert.schedules().get(1);
        assertEquals(new Schedule(a.id(), concert.id(), first), a);
        assertEquals(new Schedule(b.id(), concert.id(), second), b);
        List<Seat> seats = tx().call(() -> store().seatsOf(a.id()));
        assertEquals(List.of(1, 2, 3), seats.stream().map(Seat::number).toList());
        for (Seat seat : seats) {
            assertEquals(a.id(), seat.scheduleId());
            assertEquals(Money.won(5_000), seat.price());
            assertEquals(SeatStatus.AVAILABLE, seat.storedStatus());
        }
        assertEquals(1, tx().call(() -> store().seatsOf(b.id())).size());
        assertEquals(List.of(), tx().call(() -> store().seatsOf(unknownId())));
    }

    @Test
    void theListHasEveryConcertOldestFirstWithoutSchedules() {
        String title = "Contract " + UUID.randomUUID();
        Concert older = create(title + " 1", List.of(schedule(NOW.plus(Duration.ofDays(3)), 1, 1_000)));
        Concert newer = create(title + " 2", List.of(schedule(NOW.plus(Duration.ofDays(3)), 1, 1_000)));

        List<Concert> all = new ArrayList<>();
        PageKey after = null;
        do { // two at a time, as a client follows next: each concert once, oldest first
            PageRequest request = new PageRequest(2, after);
            Page<Concert> page = tx().call(() -> store().list(request));
            assertTrue(page.items().size() <= 2);
            all.addAll(page.items());
            after = page.next().orElse(null);
        } while (after != null);
        List<Concert> mine =
                all.stream().filter(c -> c.title().startsWith(title)).toList();
        assertEquals(
                all.stream().map(Concert::id).sorted().distinct().toList(),
                all.stream().map(Concert::id).toList());

        assertEquals(
                List.of(
                        new Concert(older.id(), title + " 1", List.of()),
                        new Concert(newer.id(), title + " 2", List.of())),
                mine);
    }

    @Test
    void aConcertExistsOnceCreatedAndItsSchedulesLeadBackToIt() throws Exception {
        long unknown = unknownId();
        Concert concert = create("Contract " + UUID.randomUUID(), List.of(schedule(NOW.plusSeconds(60), 1, 1_000)));

        assertTrue(tx().call(() -> store().exists(concert.id())));
        assertFalse(tx().call(() -> store().exists(unknown)));
        assertTrue(store().existsLater(concert.id()).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertFalse(store().existsLater(unknown).toCompletableFuture().get(10, TimeUnit.SECONDS));
        long schedule = Catalogue.onlySchedule(concert).id();
        assertEquals(
                concert.id(),
                tx().call(() -> store().concertOfSchedule(schedule)).orElseThrow());
        assertTrue(tx().call(() -> store().concertOfSchedule(unknownId())).isEmpty());
    }

    @Test
    void aScheduleIsFoundWithItsConcertAndStart() {
        Instant startsAt = NOW.plus(Duration.ofDays(3));
        Concert concert = create("Contract " + UUID.randomUUID(), List.of(schedule(startsAt, 1, 1_000)));
        Schedule schedule = Catalogue.onlySchedule(concert);

        assertEquals(
                new Schedule(schedule.id(), concert.id(), startsAt),
                tx().call(() -> store().schedule(schedule.id())).orElseThrow());
        assertEquals(
                new Schedule(schedule.id(), concert.id(), startsAt),
                tx().call(() -> store().schedule(schedule.id())).orElseThrow(),
                "asked again (a store may remember it: schedules never move)");
        assertTrue(tx().call(() -> store().schedule(unknownId())).isEmpty());
    }

    @Test
    void availableSchedulesStartAfterNowHaveASeatToHoldAndComeInStartOrder() {
        Concert concert = create(
                "Contract " + UUID.randomUUID(),
                List.of(
                        schedule(NOW.plus(Duration.ofDays(2)), 2, 1_000),
                        schedule(NOW, 2, 1_000),
                        schedule(NOW.plusMillis(1), 2, 1_000),
                        schedule(NOW.plus(Duration.ofDays(1)), 1, 1_000)));
        Schedule later = concert.schedules().get(0);
        Schedule startingNow = concert.schedules().get(1);
        Schedule justAfter = concert.schedules().get(2);
        Schedule soldOut = concert.schedules().get(3);
        UUID reservation = UUID.randomUUID();
        tx().call(() -> stores().seats().hold(soldOut.id(), 1, reservation, EXPIRY, NOW, FAN, concert.id()));
        long soldSeat =
                tx().call(() -> store().seatsOf(soldOut.id())).getFirst().id();
        tx().call(() -> stores().seats().sell(soldSeat, reservation));

        assertEquals(
                List.of(
                        new ScheduleAvailability(justAfter.id(), justAfter.startsAt(), 2),
                        new ScheduleAvailability(later.id(), later.startsAt(), 2)),
                tx().call(() -> store().availableSchedules(concert.id(), NOW)));
        assertTrue(startingNow.startsAt().equals(NOW), "a schedule that starts now is no longer on sale");
        assertEquals(List.of(), tx().call(() -> store().availableSchedules(unknownId(), NOW)));
    }

    /** Instants around {@link #EXPIRY}, the expiry of the holds on seats 1 and 2 of four. */
    static Stream<Instant> instantsAroundTheExpiry() {
        return Stream.of(
                EXPIRY.minusMillis(1), EXPIRY.minusNanos(1_000), EXPIRY, EXPIRY.plusNanos(1_000), EXPIRY.plusMillis(1));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("instantsAroundTheExpiry")
    void availableSeatsAreCountedExactlyAsTheDomainReadsEachSeat(Instant at) {
        Concert concert =
                create("Contract " + UUID.randomUUID(), List.of(schedule(NOW.plus(Duration.ofDays(30)), 4, 1_000)));
        long schedule = Catalogue.onlySchedule(concert).id();
        for (int number : new int[] {1, 2, 3}) {
            UUID reservation = UUID.randomUUID();
            tx().call(() -> stores().seats().hold(schedule, number, reservation, EXPIRY, NOW, FAN, concert.id()));
            if (number == 3) {
                long seatId = tx().call(() -> store().seatsOf(schedule)).get(2).id();
                tx().call(() -> stores().seats().sell(seatId, reservation));
            }
        }
        long domainSays = tx().call(() -> store().seatsOf(schedule)).stream()
                .filter(seat -> seat.isAvailableAt(at))
                .count();

        long counted = tx().call(() -> store().availableSchedules(concert.id(), at)).stream()
                .mapToLong(ScheduleAvailability::availableSeats)
                .sum();

        assertEquals(domainSays, counted, "Seat.isAvailableAt and the store's count");
    }

    @Test
    void aConcertKeepsItsOnSaleTimeAndItCanBeSet() throws Exception {
        Instant opensAt = NOW.plus(Duration.ofDays(1));
        Concert concert = tx().call(() -> store().create(
                        new ConcertPlan(
                                "Contract " + UUID.randomUUID(),
                                List.of(schedule(NOW.plus(Duration.ofDays(30)), 1, 1_000)),
                                opensAt),
                        NOW));
        assertEquals(opensAt, concert.opensAt());
        assertEquals(
                new Concert(concert.id(), concert.title(), List.of(), opensAt),
                tx().call(() -> store().find(concert.id())).orElseThrow());
        assertEquals(
                opensAt,
                store().recentLater(concert.id())
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .orElseThrow()
                        .opensAt());

        Instant later = opensAt.plusSeconds(3600);
        assertTrue(tx().call(() -> store().setOpensAt(concert.id(), later)));
        assertFalse(tx().call(() -> store().setOpensAt(unknownId(), later)));

        assertEquals(
                later, tx().call(() -> store().find(concert.id())).orElseThrow().opensAt());
        assertEquals(
                later,
                store().recentLater(concert.id())
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .orElseThrow()
                        .opensAt(),
                "this instance's copy follows its own change at once");
        assertTrue(tx().call(() -> store().find(unknownId())).isEmpty());
        assertTrue(store().recentLater(unknownId())
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .isEmpty());
    }

    /**
     * The inventory of a concert with seats 1, 2 held until {@link #EXPIRY} and seat 3 sold, read
     * at instants around the expiry, agrees with the domain's reading of each seat: free by {@link
     * Seat#isAvailableAt}, held by a live hold; a schedule that has started counts for nothing.
     */
    @ParameterizedTest(name = "at {0}")
    @MethodSource("instantsAroundTheExpiry")
    void theInventoryReadsEachSeatAsTheDomainDoes(Instant at) {
        Concert concert = create(
                "Contract " + UUID.randomUUID(),
                List.of(schedule(NOW.plus(Duration.ofDays(30)), 3, 1_000), schedule(NOW, 2, 1_000)));
        long schedule = concert.schedules().get(0).id();
        for (int number : new int[] {1, 2, 3}) {
            UUID reservation = UUID.randomUUID();
            tx().call(() -> stores().seats().hold(schedule, number, reservation, EXPIRY, NOW, FAN, concert.id()));
            if (number == 3) {
                long seatId = tx().call(() -> store().seatsOf(schedule)).get(2).id();
                tx().call(() -> stores().seats().sell(seatId, reservation));
            }
        }
        List<Seat> seats = tx().call(() -> store().seatsOf(schedule));
        Inventory domainSays = new Inventory(
                seats.stream().anyMatch(seat -> seat.isAvailableAt(at)),
                seats.stream().anyMatch(seat -> seat.statusAt(at) == SeatStatus.HELD));
        long unknown = unknownId();

        Map<Long, Inventory> read = tx().call(() -> store().inventory(List.of(concert.id(), unknown), at));

        assertEquals(domainSays, read.get(concert.id()), "Seat.statusAt and the store's inventory");
        assertEquals(new Inventory(false, false), read.get(unknown), "an unknown concert has nothing to sell");
    }

    @Test
    void aConcertWhoseEverySeatIsSoldIsSoldOut() {
        Concert concert =
                create("Contract " + UUID.randomUUID(), List.of(schedule(NOW.plus(Duration.ofDays(30)), 1, 1_000)));
        long schedule = Catalogue.onlySchedule(concert).id();
        UUID reservation = UUID.randomUUID();
        tx().call(() -> stores().seats().hold(schedule, 1, reservation, EXPIRY, NOW, FAN, concert.id()));
        long seatId = tx().call(() -> store().seatsOf(schedule)).getFirst().id();
        tx().call(() -> stores().seats().sell(seatId, reservation));

        Inventory inventory =
                tx().call(() -> store().inventory(List.of(concert.id()), NOW)).get(concert.id());

        assertEquals(Inventory.Verdict.SOLD_OUT, inventory.verdict());
    }
}
