package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.out.ReservationRepository;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.concert.Concert;
import domain.concert.Seat;
import domain.event.BookingEvents;
import domain.event.DomainEvent;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReservationRepository}: a reservation and its event in one write; transitions only while a
 * hold is live; each lapsed hold expired for exactly one caller; the per-fan limit counted in the
 * insert. The store spells "a live hold at now" and the limit in SQL for atomicity; the
 * parameterized cases hold them to {@link Reservation#isHeldAt}, {@link Reservation#isLapsedAt} and
 * {@link HoldPolicy#allowsAnotherHold} at a hold's expiry instant and a millisecond and a
 * microsecond either side.
 */
public abstract class ReservationRepositoryContract extends PortContract<ReservationRepository> {
    protected ReservationRepositoryContract(Supplier<Stores> implementations) {
        super(implementations, Stores::reservations);
    }

    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));
    /** Every reservation here expires before this: sweeping up to it leaves nothing of ours HELD. */
    private static final Instant CLEAN_UP_AT = NOW.plus(Duration.ofDays(1));

    private Concert concert;
    private List<Seat> seats;
    private int nextSeat;

    @BeforeEach
    @AfterEach
    void expireWhatOtherCasesLeftHeld() {
        tx().call(() -> store().expireLapsed(CLEAN_UP_AT, Integer.MAX_VALUE));
    }

    @BeforeEach
    void aConcertWithSeats() {
        Catalogue catalogue = new Catalogue(stores().concerts(), tx());
        concert = catalogue.concert(40, 5_000, NOW.plus(Duration.ofDays(30)), NOW);
        seats = catalogue.seatsOf(Catalogue.onlySchedule(concert).id());
        nextSeat = 0;
    }

    /** A reservation of {@code user} on a seat of its own (a seat has one CONFIRMED reservation at most). */
    private Reservation reservation(UserId user, long concertId, ReservationStatus status, Instant expiresAt) {
        Seat seat = seats.get(nextSeat++);
        return new Reservation(
                UUID.randomUUID(),
                user,
                concertId,
                seat.scheduleId(),
                seat.id(),
                seat.number(),
                Money.won(5_000),
                status,
                expiresAt,
                NOW);
    }

    private Reservation reservation(ReservationStatus status, Instant expiresAt) {
        return reservation(FAN, concert.id(), status, expiresAt);
    }

    private static DomainEvent held(Reservation reservation) {
        return BookingEvents.reservationHeld(UUID.randomUUID(), reservation, reservation.createdAt());
    }

    private Reservation inserted(Reservation reservation) {
        tx().run(() -> store().insert(reservation, held(reservation)));
        return reservation;
    }

    private Reservation stored(Reservation reservation) {
        return tx().call(() -> store().findById(reservation.id())).orElseThrow();
    }

    @Test
    void aReservationIsStoredWithItsEvent() {
        Reservation reservation = reservation(ReservationStatus.HELD, EXPIRY);
        DomainEvent event = held(reservation);

        tx().run(() -> store().insert(reservation, event));

        assertEquals(reservation, stored(reservation));
        assertTrue(stores().eventRecorded(event.id()));
        assertTrue(tx().call(() -> store().findById(UUID.randomUUID())).isEmpty());
    }

    @Test
    void aReservationThatCannotBeStoredRecordsNoEvent() {
        Reservation reservation = inserted(reservation(ReservationStatus.HELD, EXPIRY));
        DomainEvent again = held(reservation);

        assertThrows(RuntimeException.class, () -> tx().run(() -> store().insert(reservation, again)));

        assertFalse(stores().eventRecorded(again.id()));
    }

    @Test
    void aLimitedInsertThatIsRefusedWritesNothing() {
        inserted(reservation(ReservationStatus.HELD, EXPIRY));
        Reservation second = reservation(ReservationStatus.HELD, EXPIRY);
        DomainEvent event = held(second);

        assertFalse(tx().call(() -> store().insertWithinLimit(second, event, 1, NOW)));

        assertTrue(tx().call(() -> store().findById(second.id())).isEmpty());
        assertFalse(stores().eventRecorded(event.id()));
    }

    @Test
    void aLimitedInsertWithRoomStoresTheReservationAndItsEvent() {
        Reservation reservation = reservation(ReservationStatus.HELD, EXPIRY);
        DomainEvent event = held(reservation);

        assertTrue(tx().call(() -> store().insertWithinLimit(reservation, event, 1, NOW)));

        assertEquals(reservation, stored(reservation));
        assertTrue(stores().eventRecorded(event.id()));
    }

    /** One reservation the fan (or someone else) already has when they ask for one more. */
    record Existing(ReservationStatus status, Instant expiresAt, boolean sameFan, boolean sameConcert) {
        static Existing mine(ReservationStatus status, Instant expiresAt) {
            return new Existing(status, expiresAt, true, true);
        }
    }

    record LimitCase(String name, List<Existing> existing, int max, Instant at) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<LimitCase> limitCases() {
        Existing live = Existing.mine(ReservationStatus.HELD, EXPIRY);
        return Stream.of(
                new LimitCase("no holds, limit 1", List.of(), 1, NOW),
                new LimitCase("one hold, 1 ms before it lapses", List.of(live), 1, EXPIRY.minusMillis(1)),
                new LimitCase("one hold, 1 µs before it lapses", List.of(live), 1, EXPIRY.minusNanos(1_000)),
                new LimitCase("one hold, at its expiry", List.of(live), 1, EXPIRY),
                new LimitCase("one hold, 1 µs after its expiry", List.of(live), 1, EXPIRY.plusNanos(1_000)),
                new LimitCase("one hold, 1 ms after its expiry", List.of(live), 1, EXPIRY.plusMillis(1)),
                new LimitCase("two live holds, limit 2", List.of(live, live), 2, NOW),
                new LimitCase("two live holds, limit 3", List.of(live, live), 3, NOW),
                new LimitCase(
                        "one live and one lapsed hold, limit 2",
                        List.of(live, Existing.mine(ReservationStatus.HELD, NOW)),
                        2,
                        NOW),
                new LimitCase(
                        "paid, cancelled and expired reservations, limit 1",
                        List.of(
                                Existing.mine(ReservationStatus.CONFIRMED, EXPIRY),
                                Existing.mine(ReservationStatus.CANCELLED, EXPIRY),
                                Existing.mine(ReservationStatus.EXPIRED, EXPIRY)),
                        1,
                        NOW),
                new LimitCase(
                        "live holds of another fan, and of this fan on another concert, limit 1",
                        List.of(
                                new Existing(ReservationStatus.HELD, EXPIRY, false, true),
                                new Existing(ReservationStatus.HELD, EXPIRY, true, false)),
                        1,
                        NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limitCases")
    void aLimitedInsertGoesThroughExactlyWhenTheDomainAllowsAnotherHold(LimitCase limitCase) {
        UserId fan = new UserId("contract-" + UUID.randomUUID());
        Concert other = new Catalogue(stores().concerts(), tx()).concert(1, 5_000, NOW.plus(Duration.ofDays(30)), NOW);
        List<Reservation> existing = new ArrayList<>();
        for (Existing e : limitCase.existing()) {
            existing.add(inserted(reservation(
                    e.sameFan() ? fan : new UserId("contract-" + UUID.randomUUID()),
                    e.sameConcert() ? concert.id() : other.id(),
                    e.status(),
                    e.expiresAt())));
        }
        long live = existing.stream()
                .filter(r -> r.userId().equals(fan) && r.concertId() == concert.id() && r.isHeldAt(limitCase.at()))
                .count();
        boolean domainSays = HoldPolicy.allowsAnotherHold(live, limitCase.max());
        Reservation next = reservation(
                fan, concert.id(), ReservationStatus.HELD, limitCase.at().plusSeconds(300));

        boolean inserted =
                tx().call(() -> store().insertWithinLimit(next, held(next), limitCase.max(), limitCase.at()));

        assertEquals(domainSays, inserted, "HoldPolicy.allowsAnotherHold over Reservation.isHeldAt, and the store");
    }

    record Transition(ReservationStatus stored, Instant at) {
        @Override
        public String toString() {
            return stored + " at " + at;
        }
    }

    static Stream<Transition> transitions() {
        return Stream.of(
                new Transition(ReservationStatus.HELD, NOW),
                new Transition(ReservationStatus.HELD, EXPIRY.minusMillis(1)),
                new Transition(ReservationStatus.HELD, EXPIRY.minusNanos(1_000)),
                new Transition(ReservationStatus.HELD, EXPIRY),
                new Transition(ReservationStatus.HELD, EXPIRY.plusNanos(1_000)),
                new Transition(ReservationStatus.HELD, EXPIRY.plusMillis(1)),
                new Transition(ReservationStatus.CONFIRMED, NOW),
                new Transition(ReservationStatus.CANCELLED, NOW),
                new Transition(ReservationStatus.EXPIRED, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void aTransitionIsWrittenExactlyWhenTheDomainSaysTheHoldIsLive(Transition transition) {
        Reservation stored = inserted(reservation(transition.stored(), EXPIRY));
        boolean domainSays = stored.isHeldAt(transition.at());
        Reservation cancelled = new Reservation(
                stored.id(),
                stored.userId(),
                stored.concertId(),
                stored.scheduleId(),
                stored.seatId(),
                stored.seatNumber(),
                stored.price(),
                ReservationStatus.CANCELLED,
                stored.expiresAt(),
                stored.createdAt());

        boolean written = tx().call(() -> store().saveIfStillHeld(cancelled, transition.at()));

        assertEquals(domainSays, written, "Reservation.isHeldAt and the store's guarded update");
        assertEquals(written ? cancelled : stored, stored(stored));
    }

    @Test
    void expiryClaimsExactlyTheHoldsTheDomainCallsLapsedOldestFirst() {
        Reservation oldest = inserted(reservation(ReservationStatus.HELD, EXPIRY.minusSeconds(2)));
        Reservation older = inserted(reservation(ReservationStatus.HELD, EXPIRY.minusSeconds(1)));
        Reservation atExpiry = inserted(reservation(ReservationStatus.HELD, EXPIRY));
        List<Reservation> others = List.of(
                inserted(reservation(ReservationStatus.HELD, EXPIRY.plusNanos(1_000))),
                inserted(reservation(ReservationStatus.HELD, EXPIRY.plusMillis(1))),
                inserted(reservation(ReservationStatus.CONFIRMED, EXPIRY.minusSeconds(3))),
                inserted(reservation(ReservationStatus.CANCELLED, EXPIRY.minusSeconds(3))));
        List.of(oldest, older, atExpiry).forEach(r -> assertTrue(r.isLapsedAt(EXPIRY), "the domain says lapsed"));
        others.forEach(r -> assertFalse(r.isLapsedAt(EXPIRY), "the domain says not lapsed"));

        List<Reservation> first = tx().call(() -> store().expireLapsed(EXPIRY, 2));
        List<Reservation> rest = tx().call(() -> store().expireLapsed(EXPIRY, 10));

        assertEquals(Set.of(oldest.expire(EXPIRY), older.expire(EXPIRY)), Set.copyOf(first), "the oldest expiry first");
        assertEquals(List.of(atExpiry.expire(EXPIRY)), rest);
        assertEquals(List.of(), tx().call(() -> store().expireLapsed(EXPIRY, 10)), "each is claimed once");
        for (Reservation r : List.of(oldest, older, atExpiry)) {
            assertEquals(ReservationStatus.EXPIRED, stored(r).storedStatus());
        }
        for (Reservation r : others) {
            assertEquals(r, stored(r));
        }
    }

    @Test
    void concurrentExpiryRunsReturnEachLapsedHoldToExactlyOneOfThem() throws Exception {
        Set<UUID> lapsed = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            lapsed.add(inserted(reservation(ReservationStatus.HELD, NOW.plusMillis(i)))
                    .id());
        }
        int runners = 3;
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        try {
            List<Callable<List<Reservation>>> runs = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                runs.add(() -> tx().call(() -> store().expireLapsed(EXPIRY, 4)));
            }
            List<UUID> claimed = new ArrayList<>();
            for (Future<List<Reservation>> run : pool.invokeAll(runs)) {
                run.get().forEach(r -> claimed.add(r.id()));
            }
            claimed.addAll(tx().call(() -> store().expireLapsed(EXPIRY, 10)).stream()
                    .map(Reservation::id)
                    .toList());
            assertEquals(lapsed.size(), claimed.size(), "nobody got one twice: " + claimed);
            assertEquals(lapsed, new HashSet<>(claimed));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A reservation of {@code user} made at {@code createdAt} (on a seat of its own). */
    private Reservation madeAt(UserId user, ReservationStatus status, Instant expiresAt, Instant createdAt) {
        Reservation r = reservation(user, concert.id(), status, expiresAt);
        return inserted(new Reservation(
                r.id(),
                r.userId(),
                r.concertId(),
                r.scheduleId(),
                r.seatId(),
                r.seatNumber(),
                r.price(),
                r.storedStatus(),
                r.expiresAt(),
                createdAt));
    }

    /** Every page from the first, {@code limit} at a time, as the REST adapter follows next. */
    private List<List<UUID>> pages(UserId user, Optional<ReservationStatus> status, Instant now, int limit) {
        List<List<UUID>> pages = new ArrayList<>();
        PageKey after = null;
        do {
            PageRequest request = new PageRequest(limit, after);
            Page<Reservation> page = tx().call(() -> store().ownedBy(user, status, now, request));
            pages.add(page.items().stream().map(Reservation::id).toList());
            after = page.next().orElse(null);
        } while (after != null && pages.size() < 50);
        return pages;
    }

    @Test
    void aUsersReservationsPageNewestFirstWithTiesBrokenByIdAndEachExactlyOnce() {
        UserId user = new UserId("pager-" + UUID.randomUUID());
        List<Reservation> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // pairs made in the same microsecond: the id decides their order
            made.add(madeAt(user, ReservationStatus.CONFIRMED, EXPIRY, NOW.plusSeconds(i / 2)));
        }
        madeAt(FAN, ReservationStatus.CONFIRMED, EXPIRY, NOW.plusSeconds(1)); // someone else's
        List<UUID> newestFirst = made.stream()
                .sorted(Comparator.comparing(Reservation::createdAt)
                        .thenComparing(r -> r.id().toString())
                        .reversed())
                .map(Reservation::id)
                .toList();

        List<List<UUID>> pages = pages(user, Optional.empty(), NOW, 3);

        assertEquals(List.of(3, 3, 1), pages.stream().map(List::size).toList(), "no empty last page: " + pages);
        assertEquals(newestFirst, pages.stream().flatMap(List::stream).toList());
        assertEquals(List.of(List.copyOf(newestFirst)), pages(user, Optional.empty(), NOW, 7));
    }

    @Test
    void aStatusFilterReadsTheStatusAtNowAsTheDomainDoes() {
        UserId user = new UserId("pager-" + UUID.randomUUID());
        Reservation live = madeAt(user, ReservationStatus.HELD, EXPIRY, NOW);
        Reservation lapsed = madeAt(user, ReservationStatus.HELD, NOW.minusMillis(1), NOW.minusSeconds(300));
        Reservation expired = madeAt(user, ReservationStatus.EXPIRED, NOW.minusSeconds(1), NOW.minusSeconds(400));
        Reservation paid = madeAt(user, ReservationStatus.CONFIRMED, NOW, NOW.minusSeconds(500));
        Reservation cancelled = madeAt(user, ReservationStatus.CANCELLED, EXPIRY, NOW.minusSeconds(600));

        for (ReservationStatus status : ReservationStatus.values()) {
            List<UUID> expected = Stream.of(live, lapsed, expired, paid, cancelled)
                    .filter(r -> r.statusAt(NOW) == status)
                    .map(Reservation::id)
                    .toList();
            assertEquals(
                    expected,
                    pages(user, Optional.of(status), NOW, 1).stream()
                            .flatMap(List::stream)
                            .toList(),
                    status.name());
        }
        assertEquals(
                List.of(lapsed.id(), expired.id()),
                pages(user, Optional.of(ReservationStatus.EXPIRED), NOW, 5).getFirst());
        assertEquals(
                List.of(live.id()),
                pages(user, Optional.of(ReservationStatus.HELD), NOW, 5).getFirst());
    }

    // ---- the booking window (D48) ----

    @Test
    void holdsOfAScheduleWhoseSaleClosedAreExpiredOnceEachLiveOrNot() {
        Instant startsAt = Catalogue.onlySchedule(concert).startsAt();
        Reservation live = inserted(reservation(ReservationStatus.HELD, startsAt.plus(Duration.ofHours(1))));
        Reservation lapsed = inserted(reservation(ReservationStatus.HELD, EXPIRY));
        Reservation paid = inserted(reservation(ReservationStatus.CONFIRMED, EXPIRY));
        Set<UUID> ours = Set.of(live.id(), lapsed.id(), paid.id());
        Instant at = NOW.plusSeconds(1);

        List<Reservation> before = tx().call(() -> store().expireAtSaleClose(startsAt.minusNanos(1_000), at, 100));
        assertTrue(before.stream().noneMatch(r -> ours.contains(r.id())), "still on sale a microsecond before");

        List<Reservation> closed = tx().call(() -> store().expireAtSaleClose(startsAt, at, 100));
        Set<UUID> closedIds = new HashSet<>();
        closed.stream().filter(r -> ours.contains(r.id())).forEach(r -> {
            assertEquals(ReservationStatus.EXPIRED, r.storedStatus());
            closedIds.add(r.id());
        });
        assertEquals(Set.of(live.id(), lapsed.id()), closedIds, "every hold, lapsed or not; never a paid one");
        assertEquals(ReservationStatus.EXPIRED, stored(live).storedStatus());
        assertEquals(ReservationStatus.CONFIRMED, stored(paid).storedStatus());
        assertEquals(live.orderId(), stored(live).orderId(), "the rest of the row unchanged");
        assertTrue(
                tx().call(() -> store().expireAtSaleClose(startsAt, at, 100)).stream()
                        .noneMatch(r -> ours.contains(r.id())),
                "expired once");
    }

    @Test
    void theOrderIdIsStoredWithTheReservation() {
        UUID order = UUID.randomUUID();
        Reservation member =
                inserted(reservation(ReservationStatus.HELD, EXPIRY).inOrder(order));
        Reservation single = inserted(reservation(ReservationStatus.HELD, EXPIRY));

        assertEquals(order, stored(member).orderId());
        assertEquals(single.id(), stored(single).orderId(), "a single hold is an order of one");
    }
}
