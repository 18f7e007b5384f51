package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.FakeQueueTokenSigner;
import application.queue.port.out.QueueStore;
import application.queue.port.out.QueueStore.Arrival;
import application.queue.port.out.QueueStore.Entry;
import application.queue.port.out.QueueStore.View;
import domain.concert.Inventory;
import domain.queue.AdmissionPolicy;
import domain.queue.QueueStatus;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.queue.QueueTokenClaims;
import domain.queue.SaleOpening;
import domain.queue.WaitingRoomStats;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link QueueStore}: the waiting rooms, every method atomic in the store. The store spells the
 * waiting room's rules inside its scripts for atomicity; the parameterized cases hold them to the
 * domain's statements on tables of instants (at a boundary and a millisecond either side) and of
 * room sizes: {@link QueueTicket#stillActive}, {@link AdmissionPolicy#freeSlots}, {@link
 * AdmissionPolicy#admitsOnArrival}, {@link QueueTicket#hasAbandoned} and {@link
 * QueueToken#isRestorable}.
 */
public abstract class QueueStoreContract extends PortContract<QueueStore> {
    protected QueueStoreContract(Supplier<Stores> implementations) {
        super(implementations, Stores::queue);
    }

    private static final Duration ACTIVE_TTL = Duration.ofMinutes(10);
    private static final int DEFAULT_MAX = 100;
    /** Later than anything here: an admission round then ends every token of a room. */
    private static final Instant FAR_LATER = NOW.plus(Duration.ofDays(1000));

    private static final FakeQueueTokenSigner SIGNER = new FakeQueueTokenSigner("contract");

    /** Tokens issued in one millisecond keep their order, as the service's issuer does. */
    private final AtomicLong arrivals = new AtomicLong();

    private final List<Long> rooms = new ArrayList<>();

    /** Every room used here ends empty, and leaves the list of rooms in the queue. */
    @AfterEach
    void emptyTheRooms() {
        rooms.forEach(concert -> store().expireActive(concert, FAR_LATER));
    }

    private long newRoom() {
        long concert = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        rooms.add(concert);
        return concert;
    }

    /** A room whose sale is paused (cap 0): everyone who enters waits. */
    private long pausedRoom() {
        long concert = newRoom();
        store().setMaxActive(concert, 0, 1);
        return concert;
    }

    private static UserId newFan() {
        return new UserId("contract-" + UUID.randomUUID());
    }

    /** A token as the service issues it: its arrival order is its issue time in ms × 1000, plus a count. */
    private QueueToken token(UserId fan, long concert, Instant issuedAt) {
        return token(fan, concert, issuedAt.toEpochMilli() * 1000 + arrivals.incrementAndGet(), issuedAt);
    }

    private static QueueToken token(UserId fan, long concert, long arrival, Instant issuedAt) {
        QueueTokenClaims claims = new QueueTokenClaims(fan, concert, arrival, issuedAt);
        return QueueToken.of(claims, SIGNER.sign(claims.payload()));
    }

    private Entry entry(long concert, UserId fan, Instant at, int defaultMax) {
        return store().enter(new Arrival(concert, fan, token(fan, concert, at), at, defaultMax, ACTIVE_TTL));
    }

    private QueueTicket enter(long concert, UserId fan, Instant at, int defaultMax) {
        return entry(concert, fan, at, defaultMax).view().ticket();
    }

    private QueueTicket enter(long concert, UserId fan, Instant at) {
        return enter(concert, fan, at, DEFAULT_MAX);
    }

    private Optional<QueueTicket> find(QueueToken token, Instant at) {
        return store().find(token, at, DEFAULT_MAX).map(View::ticket);
    }

    /** A room with {@code active} ACTIVE fans and {@code waiting} WAITING ones, its cap then set to {@code max}. */
    private List<QueueTicket> room(long concert, int active, int waiting, int max) {
        List<QueueTicket> tickets = new ArrayList<>();
        for (int i = 0; i < active; i++) {
            tickets.add(enter(concert, newFan(), NOW, active));
        }
        store().setMaxActive(concert, active, 1);
        for (int i = 0; i < waiting; i++) {
            tickets.add(enter(concert, newFan(), NOW));
        }
        store().setMaxActive(concert, max, 2);
        assertEquals(new WaitingRoomStats(concert, waiting, active, max), store().stats(concert, NOW, DEFAULT_MAX));
        return tickets;
    }

    @Test
    void aFanArrivingAtAnEmptyRoomWithAFreeSlotIsActiveAtOnce() {
        long concert = newRoom();
        UserId fan = newFan();
        QueueToken candidate = token(fan, concert, NOW);

        Entry entry = store().enter(new Arrival(concert, fan, candidate, NOW, DEFAULT_MAX, ACTIVE_TTL));

        assertTrue(entry.created());
        assertEquals(
                QueueTicket.active(candidate, fan, concert, NOW.plus(ACTIVE_TTL)),
                entry.view().ticket());
        assertEquals(DEFAULT_MAX, entry.view().maxActive(), "no cap in the store: the default");
        assertEquals(0.0, entry.view().admissionsPerSecond());
        assertTrue(store().concertsInQueue().contains(concert));
    }

    @Test
    void fansBeyondTheCapWaitInArrivalOrder() {
        long concert = newRoom();
        List<QueueTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tickets.add(enter(concert, newFan(), NOW.plusMillis(i), 2));
        }

        assertEquals(QueueStatus.ACTIVE, tickets.get(0).status());
        assertEquals(QueueStatus.ACTIVE, tickets.get(1).status());
        assertEquals(QueueTicket.waiting(tickets.get(2).token(), tickets.get(2).userId(), concert, 1), tickets.get(2));
        assertEquals(QueueTicket.waiting(tickets.get(3).token(), tickets.get(3).userId(), concert, 2), tickets.get(3));
        assertEquals(Optional.of(tickets.get(3)), find(tickets.get(3).token(), NOW.plusSeconds(1)));
        assertEquals(new WaitingRoomStats(concert, 2, 2, 2), store().stats(concert, NOW.plusSeconds(1), 2));
    }

    @Test
    void enteringAgainReturnsTheLiveTokenNotANewOne() {
        long concert = newRoom();
        UserId fan = newFan();
        QueueTicket active = enter(concert, fan, NOW);
        store().setMaxActive(concert, 1, 1);
        UserId other = newFan();
        QueueTicket waiting = enter(concert, other, NOW);

        Entry again = entry(concert, fan, NOW.plusSeconds(1), DEFAULT_MAX);
        Entry waitingAgain = entry(concert, other, NOW.plusSeconds(1), DEFAULT_MAX);

        assertFalse(again.created());
        assertEquals(active, again.view().ticket());
        assertFalse(waitingAgain.created());
        assertEquals(waiting, waitingAgain.view().ticket());
        assertEquals(1, again.view().maxActive(), "the store's cap");
    }

    @Test
    void anUnknownTokenIsNotFound() {
        long concert = newRoom();
        enter(concert, newFan(), NOW);

        assertTrue(find(token(newFan(), concert, NOW.plusMillis(1)), NOW.plusSeconds(1))
                .isEmpty());
    }

    @Test
    void releasingATokenOrAFanFreesTheSlotForTheNextArrival() {
        long concert = newRoom();
        UserId first = newFan();
        UserId second = newFan();
        QueueTicket byToken = enter(concert, first, NOW, 1);
        store().release(byToken.token());
        assertTrue(find(byToken.token(), NOW).isEmpty());
        QueueTicket byUser = enter(concert, second, NOW, 1);
        assertEquals(QueueStatus.ACTIVE, byUser.status());

        store().releaseUser(concert, second);

        assertTrue(find(byUser.token(), NOW).isEmpty());
        assertEquals(QueueStatus.ACTIVE, enter(concert, newFan(), NOW, 1).status());
        store().releaseUser(concert, newFan());
        store().release(token(newFan(), concert, NOW));
    }

    @Test
    void admissionLetsWaitingFansInInArrivalOrderUpToTheCap() {
        long concert = newRoom();
        List<QueueTicket> tickets = room(concert, 0, 4, 0);
        store().setMaxActive(concert, 3, 3);
        Instant later = NOW.plusSeconds(1);

        assertEquals(3, store().admit(concert, later, DEFAULT_MAX, ACTIVE_TTL));

        for (QueueTicket ticket : tickets.subList(0, 3)) {
            assertEquals(
                    Optional.of(QueueTicket.active(ticket.token(), ticket.userId(), concert, later.plus(ACTIVE_TTL))),
                    find(ticket.token(), later));
        }
        assertEquals(1, find(tickets.get(3).token(), later).orElseThrow().position());
    }

    @Test
    void aCapIsTakenOnlyFromANewerVersion() {
        long concert = newRoom();
        store().setMaxActive(concert, 5, 2);
        store().setMaxActive(concert, 7, 1);
        store().setMaxActive(concert, 8, 2);
        assertEquals(5, store().stats(concert, NOW, DEFAULT_MAX).maxActive());

        store().setMaxActive(concert, 0, 3);

        assertEquals(0, store().stats(concert, NOW, DEFAULT_MAX).maxActive());
    }

    @Test
    void aRoomWithNobodyLeftLeavesTheListAfterARound() {
        long concert = newRoom();
        QueueTicket ticket = enter(concert, newFan(), NOW);
        store().release(ticket.token());

        store().expireActive(concert, NOW);

        assertFalse(store().concertsInQueue().contains(concert));
    }

    @Test
    void theAdmissionRateIsSmoothedOverTheRoundsWhileFansWait() {
        long concert = newRoom();
        room(concert, 0, 3, 0);
        store().admit(concert, NOW, DEFAULT_MAX, ACTIVE_TTL);
        store().setMaxActive(concert, 2, 3);
        Instant second = NOW.plusSeconds(1);
        store().admit(concert, second, DEFAULT_MAX, ACTIVE_TTL);

        double rate = entry(concert, newFan(), second, DEFAULT_MAX).view().admissionsPerSecond();

        assertEquals((1 - Math.exp(-1.0 / 30)) * 2, rate, 1e-9, "an EWMA of 2 admissions in 1 s, 30 s horizon");
    }

    static Stream<Duration> aroundTheBoundary() {
        return Stream.of(Duration.ofMillis(-1), Duration.ZERO, Duration.ofMillis(1));
    }

    @ParameterizedTest(name = "expiry {0}")
    @MethodSource("aroundTheBoundary")
    void anActiveTokenLastsExactlyAsLongAsTheDomainSays(Duration fromExpiry) {
        long concert = newRoom();
        QueueTicket ticket = enter(concert, newFan(), NOW);
        Instant at = ticket.expiresAt().plus(fromExpiry);
        boolean domainSays = QueueTicket.stillActive(ticket.expiresAt(), at);

        Optional<QueueTicket> found = find(ticket.token(), at);
        long counted = store().stats(concert, at, DEFAULT_MAX).active();
        long swept = store().expireActive(concert, at);

        assertEquals(domainSays, found.isPresent(), "QueueTicket.stillActive and the lookup");
        assertEquals(domainSays ? 1 : 0, counted, "QueueTicket.stillActive and the count of active fans");
        assertEquals(domainSays ? 0 : 1, swept, "QueueTicket.stillActive and the sweep");
    }

    @ParameterizedTest(name = "expiry {0}")
    @MethodSource("aroundTheBoundary")
    void anEndedActiveTokenIsReplacedOnTheNextEntryExactlyWhenTheDomainSaysItEnded(Duration fromExpiry) {
        long concert = newRoom();
        UserId fan = newFan();
        QueueTicket ticket = enter(concert, fan, NOW);
        Instant at = ticket.expiresAt().plus(fromExpiry);

        Entry again = entry(concert, fan, at, DEFAULT_MAX);

        assertEquals(!QueueTicket.stillActive(ticket.expiresAt(), at), again.created());
        assertEquals(
                again.created() ? at.plus(ACTIVE_TTL) : ticket.expiresAt(),
                again.view().ticket().expiresAt());
    }

    /** (cap, live ACTIVE fans, WAITING fans) of a room, and what a rule says of it. */
    record RoomCase(int max, int active, int waiting) {}

    static Stream<RoomCase> rooms() {
        return Stream.of(
                new RoomCase(3, 0, 5),
                new RoomCase(3, 1, 5),
                new RoomCase(5, 1, 2),
                new RoomCase(3, 3, 2),
                new RoomCase(2, 3, 2),
                new RoomCase(0, 0, 2),
                new RoomCase(2, 1, 0),
                new RoomCase(2, 2, 0),
                new RoomCase(5, 1, 1),
                new RoomCase(0, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rooms")
    void admissionFillsExactlyTheFreeSlotsTheDomainCounts(RoomCase room) {
        long concert = newRoom();
        room(concert, room.active(), room.waiting(), room.max());
        long domainSays = Math.min(room.waiting(), new AdmissionPolicy(room.max()).freeSlots(room.active()));

        long admitted = store().admit(concert, NOW.plusSeconds(1), DEFAULT_MAX, ACTIVE_TTL);

        assertEquals(domainSays, admitted, "AdmissionPolicy.freeSlots and the admission round");
        assertEquals(
                room.active() + admitted,
                store().stats(concert, NOW.plusSeconds(1), DEFAULT_MAX).active());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rooms")
    void aNewcomerIsLetInAtOnceExactlyWhenTheDomainSays(RoomCase room) {
        long concert = newRoom();
        room(concert, room.active(), room.waiting(), room.max());
        boolean domainSays = new AdmissionPolicy(room.max()).admitsOnArrival(room.waiting(), room.active());

        QueueTicket newcomer = enter(concert, newFan(), NOW.plusMillis(1));

        assertEquals(domainSays, newcomer.status() == QueueStatus.ACTIVE, "AdmissionPolicy.admitsOnArrival and entry");
    }

    @Test
    void endedActiveTokensTakeNoSlot() {
        long concert = newRoom();
        QueueTicket ended = enter(concert, newFan(), NOW, 1);
        Instant at = ended.expiresAt();

        assertEquals(QueueStatus.ACTIVE, enter(concert, newFan(), at, 1).status(), "its slot was free at once");
    }

    @ParameterizedTest(name = "last seen + waiting TTL {0}")
    @MethodSource("aroundTheBoundary")
    void aWaitingFanLeavesTheLineExactlyWhenTheDomainSaysTheyAbandonedIt(Duration fromDeadline) {
        long concert = pausedRoom();
        QueueTicket quiet = enter(concert, newFan(), NOW);
        QueueTicket polling = enter(concert, newFan(), NOW);
        Instant lastPoll = NOW.plus(stores().waitingTtl()).minusMillis(1);
        assertTrue(find(polling.token(), lastPoll).isPresent());
        Instant at = NOW.plus(stores().waitingTtl()).plus(fromDeadline);
        boolean domainSays = QueueTicket.hasAbandoned(NOW, stores().waitingTtl(), at);

        long ended = store().expireActive(concert, at);

        assertEquals(domainSays ? 1 : 0, ended, "QueueTicket.hasAbandoned and the admission round");
        assertEquals(!domainSays, find(quiet.token(), at).isPresent());
        assertEquals(domainSays ? 1 : 2, find(polling.token(), at).orElseThrow().position(), "a poll is a heartbeat");
    }

    @Test
    void enteringAgainIsAHeartbeatToo() {
        long concert = pausedRoom();
        UserId fan = newFan();
        QueueTicket ticket = enter(concert, fan, NOW);
        enter(concert, fan, NOW.plus(stores().waitingTtl()).minusMillis(1));

        assertEquals(0, store().expireActive(concert, NOW.plus(stores().waitingTtl())));
        assertTrue(find(ticket.token(), NOW.plus(stores().waitingTtl())).isPresent());
    }

    /** A token the store lost: issued {@code fromSince} after the room's state began, shown {@code age} after issue. */
    record LostToken(Duration fromSince, Duration pastWindow) {}

    static Stream<LostToken> lostTokens() {
        return Stream.of(
                new LostToken(Duration.ofMillis(-1), Duration.ofMillis(-1)),
                new LostToken(Duration.ofMillis(-1), Duration.ZERO),
                new LostToken(Duration.ofMillis(-1), Duration.ofMillis(1)),
                new LostToken(Duration.ZERO, Duration.ofMillis(-1)),
                new LostToken(Duration.ofMillis(1), Duration.ofMillis(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostTokens")
    void aLostTokenIsPutBackInLineExactlyWhenTheDomainSaysItIsRestorable(LostToken lost) {
        long concert = pausedRoom();
        QueueTicket first = enter(concert, newFan(), NOW);
        Instant issued = NOW.plus(lost.fromSince());
        QueueToken token = token(newFan(), concert, 1, issued);
        Instant at = issued.plus(stores().restoreWindow()).plus(lost.pastWindow());
        boolean domainSays = token.isRestorable(NOW, stores().restoreWindow(), at);

        Optional<QueueTicket> found = find(token, at);

        assertEquals(domainSays, found.isPresent(), "QueueToken.isRestorable and the lookup");
        if (domainSays) {
            assertEquals(
                    QueueTicket.waiting(token, token.userId(), concert, 1), found.get(), "at its own arrival order");
            assertEquals(2, find(first.token(), at).orElseThrow().position());
        }
    }

    @Test
    void aLostTokenComesBackOncePerFanAlsoThroughEntry() {
        long concert = pausedRoom();
        enter(concert, newFan(), NOW);
        UserId fan = newFan();
        QueueToken lost = token(fan, concert, 1, NOW.minusSeconds(1));
        QueueToken candidate = token(fan, concert, NOW.plusSeconds(1));

        Entry back = store().enter(new Arrival(
                concert, fan, candidate, NOW.plusSeconds(1), DEFAULT_MAX, ACTIVE_TTL, Optional.of(lost), List.of()));
        store().release(lost);

        assertFalse(back.created());
        assertEquals(QueueTicket.waiting(lost, fan, concert, 1), back.view().ticket());
        assertTrue(find(lost, NOW.plusSeconds(2)).isEmpty(), "restored once: now it has ended");
    }

    // --- on-sale time (D52) and sold out (D53) ---

    private static final Instant OPENS = NOW.plusSeconds(60);

    private Entry enterBefore(long concert, UserId fan, Instant at, Instant opensAt) {
        return store().enter(new Arrival(concert, fan, token(fan, concert, at), at, DEFAULT_MAX, ACTIVE_TTL)
                .opening(opensAt));
    }

    private List<QueueStore.Placement> placements(List<QueueToken> order, long floor) {
        List<QueueStore.Placement> placements = new ArrayList<>();
        for (int place = 0; place < order.size(); place++) {
            placements.add(
                    new QueueStore.Placement(order.get(place), SaleOpening.preQueueOrder(floor, order.size(), place)));
        }
        return placements;
    }

    @ParameterizedTest(name = "opening {0}")
    @MethodSource("aroundTheBoundary")
    void aFanIsPreQueuedExactlyWhenTheDomainSaysTheSaleHasNotOpened(Duration fromOpening) {
        long concert = newRoom();
        UserId fan = newFan();
        Instant at = OPENS.plus(fromOpening);
        boolean domainSays = SaleOpening.preQueues(OPENS, at);

        Entry entry = enterBefore(concert, fan, at, OPENS);

        QueueTicket ticket = entry.view().ticket();
        assertEquals(
                domainSays, ticket.status() == QueueStatus.WAITING && !ticket.hasPosition(), "SaleOpening.preQueues");
        if (domainSays) {
            assertEquals(QueueTicket.preQueued(ticket.token(), fan, concert), ticket);
            assertEquals(ticket, find(ticket.token(), at).orElseThrow(), "the lookup agrees");
            Entry again = enterBefore(concert, fan, at.plusMillis(1), OPENS);
            assertFalse(again.created());
            assertEquals(ticket, again.view().ticket(), "entering again: the same pre-queued token");
            assertEquals(0, store().admit(concert, at, DEFAULT_MAX, ACTIVE_TTL), "nobody to admit before the opening");
        } else {
            assertEquals(QueueStatus.ACTIVE, ticket.status(), "an empty room with a free slot once open");
        }
    }

    @Test
    void theFrozenPreQueueIsPlacedInTheGivenOrderAheadOfEveryLaterArrival() {
        long concert = newRoom();
        long floor = SaleOpening.floor(OPENS);
        List<QueueToken> arrivals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            arrivals.add(enterBefore(concert, newFan(), NOW.plusMillis(i), OPENS)
                    .view()
                    .ticket()
                    .token());
        }

        assertEquals(5, store().freezePreQueue(concert, floor));
        assertEquals(5, store().freezePreQueue(concert, floor), "freezing again changes nothing");
        assertEquals(arrivals, store().frozenPreQueue(concert, 0, 10), "in arrival order");
        assertEquals(arrivals.subList(2, 4), store().frozenPreQueue(concert, 2, 2));

        // a fan arriving now, on an instance whose clock lags behind the opening: behind the floor all the same
        QueueTicket late = enterBefore(concert, newFan(), OPENS.minusSeconds(1), OPENS)
                .view()
                .ticket();
        assertEquals(QueueStatus.WAITING, late.status(), "not let in while the pre-queue waits to be placed");
        assertEquals(1, late.position());
        assertFalse(find(arrivals.get(0), OPENS).orElseThrow().hasPosition(), "no place until placed");
        assertEquals(
                0, store().admit(concert, OPENS, DEFAULT_MAX, ACTIVE_TTL), "no later arrival before the pre-queue");

        List<QueueToken> order = new ArrayList<>(arrivals.reversed());
        List<QueueStore.Placement> placements = placements(order, floor);
        assertEquals(2, store().placePreQueue(concert, placements.subList(0, 2)));
        assertEquals(1, find(order.get(0), OPENS).orElseThrow().position());
        assertEquals(3, find(late.token(), OPENS).orElseThrow().position(), "the placed fans are ahead of it");
        assertEquals(3, store().placePreQueue(concert, placements.subList(2, 5)));
        assertEquals(5, store().placePreQueue(concert, placements), "placing again writes the same places");
        for (int place = 0; place < order.size(); place++) {
            assertEquals(place + 1, find(order.get(place), OPENS).orElseThrow().position());
        }
        assertEquals(6, find(late.token(), OPENS).orElseThrow().position());

        store().dropFrozenPreQueue(concert);
        assertEquals(List.of(), store().frozenPreQueue(concert, 0, 10));
        store().setMaxActive(concert, 2, 1);
        assertEquals(2, store().admit(concert, OPENS, DEFAULT_MAX, ACTIVE_TTL));
        assertEquals(QueueStatus.ACTIVE, find(order.get(1), OPENS).orElseThrow().status());
        assertEquals(4, find(late.token(), OPENS).orElseThrow().position());
    }

    @Test
    void whileThePreQueueIsPlacedOnlyFansAheadOfTheFloorAreAdmitted() {
        long concert = newRoom();
        long floor = SaleOpening.floor(OPENS);
        QueueToken first =
                enterBefore(concert, newFan(), NOW, OPENS).view().ticket().token();
        QueueToken second = enterBefore(concert, newFan(), NOW.plusMillis(1), OPENS)
                .view()
                .ticket()
                .token();
        store().freezePreQueue(concert, floor);
        QueueToken late = enterBefore(concert, newFan(), OPENS.plusSeconds(1), OPENS)
                .view()
                .ticket()
                .token();
        store().placePreQueue(concert, placements(List.of(second, first), floor).subList(0, 1));

        assertEquals(1, store().admit(concert, OPENS.plusSeconds(1), DEFAULT_MAX, ACTIVE_TTL));

        assertEquals(
                QueueStatus.ACTIVE,
                find(second, OPENS.plusSeconds(1)).orElseThrow().status());
        assertEquals(
                QueueStatus.WAITING,
                find(late, OPENS.plusSeconds(1)).orElseThrow().status());
        store().placePreQueue(concert, placements(List.of(second, first), floor));
        store().dropFrozenPreQueue(concert);
        assertEquals(2, store().admit(concert, OPENS.plusSeconds(2), DEFAULT_MAX, ACTIVE_TTL), "the rest, in order");
    }

    @Test
    void placingSkipsFansWhoLeftAndNeverMovesAnAdmittedOne() {
        long concert = newRoom();
        long floor = SaleOpening.floor(OPENS);
        List<QueueToken> arrivals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            arrivals.add(enterBefore(concert, newFan(), NOW.plusMillis(i), OPENS)
                    .view()
                    .ticket()
                    .token());
        }
        store().freezePreQueue(concert, floor);
        store().release(arrivals.get(0));

        assertEquals(2, store().placePreQueue(concert, placements(arrivals, floor)));
        assertTrue(find(arrivals.get(0), OPENS).isEmpty(), "it left");
        store().dropFrozenPreQueue(concert);
        assertEquals(2, store().admit(concert, OPENS, DEFAULT_MAX, ACTIVE_TTL));

        assertEquals(0, store().placePreQueue(concert, placements(arrivals, floor)), "a late re-run moves nobody");
        assertEquals(
                QueueStatus.ACTIVE, find(arrivals.get(1), OPENS).orElseThrow().status());
    }

    @Test
    void aSoldOutRoomAdmitsNobodyAndSaysSoUntilSeatsComeBack() {
        long concert = pausedRoom();
        QueueTicket first = enter(concert, newFan(), NOW);
        QueueTicket second = enter(concert, newFan(), NOW);
        store().setMaxActive(concert, 10, 2);

        assertEquals(0, store().admit(concert, NOW, DEFAULT_MAX, ACTIVE_TTL, Inventory.Verdict.SOLD_OUT));
        assertEquals(
                QueueTicket.soldOut(first.token(), first.userId(), concert),
                find(first.token(), NOW).orElseThrow());
        UserId newcomer = newFan();
        QueueTicket arriving = enter(concert, newcomer, NOW);
        assertEquals(QueueStatus.SOLD_OUT, arriving.status(), "not let in, told at once");

        assertEquals(0, store().admit(concert, NOW, DEFAULT_MAX, ACTIVE_TTL, Inventory.Verdict.PAUSED));
        assertEquals(1, find(first.token(), NOW).orElseThrow().position(), "paused: waiting, with a place");
        assertEquals(2, find(second.token(), NOW).orElseThrow().position());

        assertEquals(3, store().admit(concert, NOW, DEFAULT_MAX, ACTIVE_TTL, Inventory.Verdict.OPEN));
        assertEquals(
                QueueStatus.ACTIVE, find(arriving.token(), NOW).orElseThrow().status());
    }
}
