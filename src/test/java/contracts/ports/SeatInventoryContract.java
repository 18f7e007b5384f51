package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.out.SeatInventory;
import application.booking.port.out.SeatInventory.HeldSeat;
import application.booking.port.out.SeatInventory.HoldOutcome;
import application.booking.port.out.SeatInventory.Refusal;
import domain.concert.Concert;
import domain.concert.Seat;
import domain.concert.SeatStatus;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SeatInventory}: seats change hands only through conditional writes, so one of any number
 * of concurrent holds wins. The store spells "the seat is available at now" in SQL for atomicity;
 * {@link #aHoldTakesTheSeatExactlyWhenTheDomainSaysItIsAvailable} holds it to {@link
 * Seat#isAvailableAt} at the hold's expiry instant and one millisecond (and microsecond) either side.
 */
public abstract class SeatInventoryContract extends PortContract<SeatInventory> {
    protected SeatInventoryContract(Supplier<Stores> implementations) {
        super(implementations, Stores::seats);
    }

    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(30));
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));

    private Catalogue catalogue() {
        return new Catalogue(stores().concerts(), tx());
    }

    private Concert concert(int seats) {
        return catalogue().concert(seats, 7_700, STARTS_AT, NOW);
    }

    private HoldOutcome hold(Concert concert, int number, UUID reservation, Instant expiry, Instant at) {
        long schedule = Catalogue.onlySchedule(concert).id();
        return tx().call(() -> store().hold(schedule, number, reservation, expiry, at, FAN, concert.id()));
    }

    /** Holds the seat for the reservation until {@code EXPIRY}; returns its id. */
    private long heldSeat(Concert concert, int number, UUID reservation) {
        hold(concert, number, reservation, EXPIRY, NOW);
        return seat(concert, number).id();
    }

    private boolean sell(long seatId, UUID reservation) {
        return tx().call(() -> store().sell(seatId, reservation));
    }

    private boolean release(long seatId, UUID reservation) {
        return tx().call(() -> store().release(seatId, reservation));
    }

    private Seat seat(Concert concert, int number) {
        return catalogue().seat(Catalogue.onlySchedule(concert).id(), number);
    }

    @Test
    void anAvailableSeatIsHeldForTheReservationUntilTheHoldExpires() {
        Concert concert = concert(2);
        UUID reservation = UUID.randomUUID();

        HoldOutcome outcome = hold(concert, 2, reservation, EXPIRY, NOW);

        Seat seat = seat(concert, 2);
        assertEquals(new HeldSeat(seat.id(), Money.won(7_700)), outcome);
        assertEquals(SeatStatus.HELD, seat.storedStatus());
        assertEquals(EXPIRY, seat.holdExpiresAt());
        assertEquals(SeatStatus.AVAILABLE, seat(concert, 1).storedStatus(), "only that seat");
    }

    @Test
    void aSeatTheScheduleDoesNotHaveIsNoSuchSeat() {
        Concert concert = concert(2);

        assertEquals(Refusal.NO_SUCH_SEAT, hold(concert, 3, UUID.randomUUID(), EXPIRY, NOW));
        assertEquals(Refusal.NO_SUCH_SEAT, hold(concert, 0, UUID.randomUUID(), EXPIRY, NOW));
    }

    @Test
    void aSeatHeldBySomeoneElseOrSoldIsTaken() {
        Concert concert = concert(2);
        UUID first = UUID.randomUUID();
        hold(concert, 1, first, EXPIRY, NOW);
        UUID buyer = UUID.randomUUID();
        hold(concert, 2, buyer, EXPIRY, NOW);
        long sold = seat(concert, 2).id();
        assertTrue(sell(sold, buyer));

        assertEquals(Refusal.TAKEN, hold(concert, 1, UUID.randomUUID(), EXPIRY, NOW.plusSeconds(1)));
        assertEquals(Refusal.TAKEN, hold(concert, 2, UUID.randomUUID(), EXPIRY, EXPIRY.plusSeconds(1)));
        assertEquals(EXPIRY, seat(concert, 1).holdExpiresAt(), "the first hold stands");
        long firstSeat = seat(concert, 1).id();
        assertTrue(release(firstSeat, first), "and is still the first's");
    }

    /** A seat held until {@link #EXPIRY}, asked for at instants around it; a sold and a free seat. */
    static Stream<Object[]> seatsAtInstants() {
        return Stream.of(
                new Object[] {SeatStatus.HELD, EXPIRY.minusMillis(1)},
                new Object[] {SeatStatus.HELD, EXPIRY.minusNanos(1_000)},
                new Object[] {SeatStatus.HELD, EXPIRY},
                new Object[] {SeatStatus.HELD, EXPIRY.plusNanos(1_000)},
                new Object[] {SeatStatus.HELD, EXPIRY.plusMillis(1)},
                new Object[] {SeatStatus.SOLD, EXPIRY.plusMillis(1)},
                new Object[] {SeatStatus.AVAILABLE, NOW});
    }

    @ParameterizedTest(name = "{0} seat, asked at {1}")
    @MethodSource("seatsAtInstants")
    void aHoldTakesTheSeatExactlyWhenTheDomainSaysItIsAvailable(SeatStatus stored, Instant at) {
        Concert concert = concert(1);
        if (stored != SeatStatus.AVAILABLE) {
            UUID first = UUID.randomUUID();
            hold(concert, 1, first, EXPIRY, NOW);
            if (stored == SeatStatus.SOLD) {
                long seatId = seat(concert, 1).id();
                sell(seatId, first);
            }
        }
        Seat before = seat(concert, 1);
        assertEquals(stored, before.storedStatus());
        boolean domainSays = before.isAvailableAt(at);

        HoldOutcome outcome = hold(concert, 1, UUID.randomUUID(), at.plus(Duration.ofMinutes(5)), at);

        assertEquals(domainSays, outcome instanceof HeldSeat, "Seat.isAvailableAt and the store's hold: " + outcome);
    }

    @Test
    void sellingAndReleasingTouchOnlyASeatStillHeldForThatReservation() {
        Concert concert = concert(2);
        UUID mine = UUID.randomUUID();
        long seatId = heldSeat(concert, 1, mine);
        long free = seat(concert, 2).id();

        assertFalse(sell(seatId, UUID.randomUUID()), "held for another reservation");
        assertFalse(release(seatId, UUID.randomUUID()), "held for another reservation");
        assertFalse(sell(free, mine), "not held at all");
        assertFalse(release(free, mine), "not held at all");
        assertEquals(SeatStatus.HELD, seat(concert, 1).storedStatus());

        assertTrue(sell(seatId, mine));
        Seat sold = seat(concert, 1);
        assertEquals(SeatStatus.SOLD, sold.storedStatus());
        assertNull(sold.holdExpiresAt());
        assertFalse(release(seatId, mine), "a sold seat stays sold");
        assertFalse(sell(seatId, mine), "and is sold once");
    }

    @Test
    void releasingMakesTheSeatAvailableUnlessSomeoneTookItSince() {
        Concert concert = concert(2);
        UUID mine = UUID.randomUUID();
        long seatId = heldSeat(concert, 1, mine);
        assertTrue(release(seatId, mine));
        assertEquals(SeatStatus.AVAILABLE, seat(concert, 1).storedStatus());
        assertNull(seat(concert, 1).holdExpiresAt());

        UUID lapsed = UUID.randomUUID();
        hold(concert, 2, lapsed, EXPIRY, NOW);
        UUID next = UUID.randomUUID();
        assertInstanceOf(HeldSeat.class, hold(concert, 2, next, EXPIRY.plusSeconds(300), EXPIRY));
        long taken = seat(concert, 2).id();
        assertFalse(release(taken, lapsed), "the seat is someone else's now");
        assertEquals(EXPIRY.plusSeconds(300), seat(concert, 2).holdExpiresAt());
        assertTrue(sell(taken, next));
    }

    @Test
    void aLapsedHoldNobodyTookCanStillBeSoldToItsReservation() {
        Concert concert = concert(1);
        UUID mine = UUID.randomUUID();
        long seatId = heldSeat(concert, 1, mine);

        assertTrue(sell(seatId, mine), "the seat answers to the reservation, lapsed or not");
    }

    @Test
    void ofConcurrentHoldsOnOneSeatExactlyOneWins() throws Exception {
        Concert concert = concert(1);
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<HoldOutcome>> holds = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                UserId fan = new UserId("contract-fan-" + i);
                long schedule = Catalogue.onlySchedule(concert).id();
                holds.add(() ->
                        tx().call(() -> store().hold(schedule, 1, UUID.randomUUID(), EXPIRY, NOW, fan, concert.id())));
            }
            long won = 0;
            for (Future<HoldOutcome> outcome : pool.invokeAll(holds)) {
                won += outcome.get() instanceof HeldSeat ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- orders: every seat or none (D47) ----

    private SeatInventory.OrderOutcome holdAll(Concert concert, Instant at, Map<Integer, UUID> claims) {
        long schedule = Catalogue.onlySchedule(concert).id();
        List<SeatInventory.SeatClaim> list = claims.entrySet().stream()
                .map(e -> new SeatInventory.SeatClaim(e.getKey(), e.getValue()))
                .toList();
        return tx().call(() -> store().holdAll(schedule, list, EXPIRY, at, FAN, concert.id()));
    }

    private static Map<Integer, UUID> claims(int... numbers) {
        Map<Integer, UUID> claims = new LinkedHashMap<>();
        for (int number : numbers) {
            claims.put(number, UUID.randomUUID());
        }
        return claims;
    }

    @Test
    void anOrderOfAvailableSeatsHoldsEachForItsReservation() {
        Concert concert = concert(5);
        Map<Integer, UUID> claims = claims(4, 2, 3);

        SeatInventory.OrderOutcome outcome = holdAll(concert, NOW, claims);

        SeatInventory.HeldOrder held = assertInstanceOf(SeatInventory.HeldOrder.class, outcome);
        assertEquals(Set.of(2, 3, 4), held.seats().keySet());
        for (int number : List.of(2, 3, 4)) {
            Seat seat = seat(concert, number);
            assertEquals(new HeldSeat(seat.id(), Money.won(7_700)), held.seats().get(number));
            assertEquals(SeatStatus.HELD, seat.storedStatus());
            assertEquals(EXPIRY, seat.holdExpiresAt());
            assertTrue(release(seat.id(), claims.get(number)), "held for its own reservation");
        }
        assertEquals(SeatStatus.AVAILABLE, seat(concert, 1).storedStatus(), "only the order's seats");
    }

    @Test
    void anOrderWithATakenSeatHoldsNoneAndNamesIt() {
        Concert concert = concert(5);
        UUID other = UUID.randomUUID();
        hold(concert, 3, other, EXPIRY, NOW);
        UUID buyer = UUID.randomUUID();
        long sold = heldSeat(concert, 5, buyer);
        assertTrue(sell(sold, buyer));

        SeatInventory.OrderOutcome outcome = holdAll(concert, NOW.plusSeconds(1), claims(5, 1, 2, 3));

        assertEquals(new SeatInventory.RefusedOrder(List.of(3, 5), List.of()), outcome);
        assertEquals(SeatStatus.AVAILABLE, seat(concert, 1).storedStatus(), "nothing of the order is taken");
        assertEquals(SeatStatus.AVAILABLE, seat(concert, 2).storedStatus(), "nothing of the order is taken");
        assertTrue(release(seat(concert, 3).id(), other), "the other hold stands");
    }

    @Test
    void anOrderWithASeatTheScheduleLacksHoldsNoneAndNamesIt() {
        Concert concert = concert(3);

        SeatInventory.OrderOutcome outcome = holdAll(concert, NOW, claims(2, 9, 7));

        assertEquals(new SeatInventory.RefusedOrder(List.of(), List.of(7, 9)), outcome);
        assertEquals(SeatStatus.AVAILABLE, seat(concert, 2).storedStatus());
    }

    @Test
    void anOrderTakesSeatsWhoseHoldsHaveLapsed() {
        Concert concert = concert(2);
        UUID lapsed = UUID.randomUUID();
        hold(concert, 1, lapsed, EXPIRY, NOW);

        assertEquals(
                new SeatInventory.RefusedOrder(List.of(1), List.of()),
                holdAll(concert, EXPIRY.minusMillis(1), claims(1, 2)),
                "still held a millisecond before its expiry");
        assertInstanceOf(SeatInventory.HeldOrder.class, holdAll(concert, EXPIRY, claims(1, 2)), "lapsed at its expiry");
        assertFalse(release(seat(concert, 1).id(), lapsed), "the seat is the order's now");
    }

    @Test
    void ofConcurrentOverlappingOrdersEachSeatGoesToOneOrderAndEveryOrderIsWholeOrNothing() throws Exception {
        Concert concert = concert(6);
        long schedule = Catalogue.onlySchedule(concert).id();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Map<Integer, UUID>> orders = new ArrayList<>();
            List<Callable<SeatInventory.OrderOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                // windows of three seats, given in descending order: every pair of orders overlaps or abuts
                int first = 1 + (i % 4);
                Map<Integer, UUID> claims = claims(first + 2, first + 1, first);
                orders.add(claims);
                UserId fan = new UserId("contract-order-fan-" + i);
                List<SeatInventory.SeatClaim> list = claims.entrySet().stream()
                        .map(e -> new SeatInventory.SeatClaim(e.getKey(), e.getValue()))
                        .toList();
                calls.add(() -> tx().call(() -> store().holdAll(schedule, list, EXPIRY, NOW, fan, concert.id())));
            }
            List<Future<SeatInventory.OrderOutcome>> outcomes = pool.invokeAll(calls);
            Map<Integer, UUID> owner = new java.util.HashMap<>();
            for (int i = 0; i < callers; i++) {
                if (outcomes.get(i).get() instanceof SeatInventory.HeldOrder) {
                    for (Map.Entry<Integer, UUID> claim : orders.get(i).entrySet()) {
                        assertNull(owner.put(claim.getKey(), claim.getValue()), "seat " + claim.getKey() + " twice");
                    }
                }
            }
            assertFalse(owner.isEmpty(), "some order won");
            for (int number = 1; number <= 6; number++) {
                Seat seat = seat(concert, number);
                UUID expected = owner.get(number);
                assertEquals(expected == null ? SeatStatus.AVAILABLE : SeatStatus.HELD, seat.storedStatus());
                if (expected != null) {
                    assertTrue(release(seat.id(), expected), "seat " + number + " is held for the winning order");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Cancels the schedule as {@code ScheduleCancellations.cancel} leaves it: {@code cancelled_at} set. */
    private void cancelSchedule(long scheduleId) {
        if (store() instanceof application.fakes.InMemorySeatInventory fake) {
            fake.cancelSchedule(scheduleId);
        } else {
            support.Db.update("UPDATE schedule SET cancelled_at = now() WHERE id = ?", scheduleId);
        }
    }

    @Test
    void aCancelledScheduleSellsNothingMore() {
        Concert concert = concert(3);
        long schedule = Catalogue.onlySchedule(concert).id();
        UUID held = UUID.randomUUID();
        long heldSeatId = heldSeat(concert, 1, held);

        cancelSchedule(schedule);

        org.junit.jupiter.api.Assertions.assertThrows(
                domain.concert.ScheduleCancelledException.class,
                () -> hold(concert, 2, UUID.randomUUID(), EXPIRY, NOW));
        org.junit.jupiter.api.Assertions.assertThrows(
                domain.concert.ScheduleCancelledException.class, () -> holdAll(concert, NOW, claims(2, 3)));
        org.junit.jupiter.api.Assertions.assertThrows(
                domain.concert.ScheduleCancelledException.class, () -> sell(heldSeatId, held));
        assertEquals(SeatStatus.AVAILABLE, seat(concert, 2).storedStatus(), "the refused hold took nothing");
        assertEquals(SeatStatus.AVAILABLE, seat(concert, 3).storedStatus(), "the refused order took nothing");
        assertEquals(SeatStatus.HELD, seat(concert, 1).storedStatus(), "the refused sale sold nothing");
    }
}
