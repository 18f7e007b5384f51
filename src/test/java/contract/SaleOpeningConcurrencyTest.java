package contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.catalog.port.out.ConcertRepository;
import application.queue.QueueTokens;
import application.queue.port.in.OpenSalesUseCase;
import application.queue.port.out.QueueStore;
import application.queue.port.out.SaleOpenings;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.queue.PreQueueShuffle;
import domain.queue.QueueStatus;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.queue.SaleOpening;
import domain.queue.SaleOpeningRecord;
import domain.shared.Money;
import domain.shared.UserId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Db;
import support.TestClock;

/**
 * A sale opens exactly once (D52): several runners at once (as two instances' jobs would, each the
 * whole use case on its own thread against the one PostgreSQL and Redis), and a run that stopped
 * halfway (claimed with its seed, some fans placed) resumed by the next, all end with one record,
 * one event and every fan at the place the recorded seed gives.
 */
@QuarkusTest
class SaleOpeningConcurrencyTest {
    private static final int FANS = 300;

    @Inject
    OpenSalesUseCase openSales;

    @Inject
    QueueStore queue;

    @Inject
    QueueTokens tokens;

    @Inject
    ConcertRepository concerts;

    @Inject
    SaleOpenings openings;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private record Room(long concertId, Instant opensAt, List<QueueToken> arrivals) {}

    /** A concert opening in ten minutes with {@link #FANS} fans in its pre-queue; the clock then moves to the opening. */
    private Room preQueuedRoom() {
        Instant opensAt = TestClock.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        Concert concert = QuarkusTransaction.requiringNew()
                .call(() -> concerts.create(
                        new ConcertPlan(
                                "Opening " + UUID.randomUUID(),
                                List.of(new ConcertPlan.SchedulePlan(
                                        TestClock.now().plus(Duration.ofDays(30)), 10, Money.won(1_000))),
                                opensAt),
                        TestClock.now()));
        List<QueueToken> arrivals = new ArrayList<>();
        for (int i = 0; i < FANS; i++) {
            UserId fan = new UserId("opening-" + UUID.randomUUID());
            Instant now = TestClock.now();
            QueueStore.Arrival arrival = new QueueStore.Arrival(
                            concert.id(), fan, tokens.issue(fan, concert.id(), now), now, 0, Duration.ofMinutes(10))
                    .opening(opensAt);
            QueueTicket ticket = queue.enter(arrival).view().ticket();
            assertTrue(ticket.status() == QueueStatus.WAITING && !ticket.hasPosition());
            arrivals.add(ticket.token());
        }
        TestClock.advance(Duration.between(TestClock.now(), opensAt));
        return new Room(concert.id(), opensAt, arrivals);
    }

    private static long events(long concertId) {
        return Db.count(
                "SELECT count(*) FROM outbox_event WHERE aggregatetype = 'Concert' AND aggregateid = ?"
                        + " AND type = 'PreQueueShuffled'",
                Long.toString(concertId));
    }

    /** Every fan at the place the recorded seed gives, and the record complete. */
    private void assertPlacedByTheRecordedSeed(Room room) {
        SaleOpeningRecord record = QuarkusTransaction.requiringNew()
                .call(() -> openings.find(room.concertId()))
                .orElseThrow();
        assertTrue(record.isComplete());
        assertEquals(FANS, record.preQueueSize());
        List<QueueToken> expected = PreQueueShuffle.ofHex(record.seed()).shuffle(room.arrivals());
        Instant now = TestClock.now();
        for (int place = 0; place < FANS; place++) {
            assertEquals(
                    place + 1,
                    queue.find(expected.get(place), now, 0)
                            .orElseThrow()
                            .ticket()
                            .position(),
                    "place " + place);
        }
        assertEquals(
                PreQueueShuffle.digest(expected.stream().map(QueueToken::value).toList()), record.orderDigest());
        assertEquals(1, events(room.concertId()), "one PreQueueShuffled event");
    }

    @Test
    void runnersAtOnceOpenASaleOnce() throws Exception {
        Room room = preQueuedRoom();
        int runners = 4;
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return openSales.openDue();
                }));
            }
            start.countDown();
            for (Future<Long> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertPlacedByTheRecordedSeed(room);
        assertEquals(1, Db.count("SELECT count(*) FROM sale_opening WHERE concert_id = ?", room.concertId()));
        openSales.openDue();
        assertEquals(1, events(room.concertId()), "a later run adds nothing");
    }

    @Test
    void aRunThatStoppedHalfwayIsResumedWithItsRecordedSeed() {
        Room room = preQueuedRoom();
        long floor = SaleOpening.floor(room.opensAt());
        // what a run did before it crashed: froze the pre-queue, claimed a seed, placed a third of the fans
        assertEquals(FANS, queue.freezePreQueue(room.concertId(), floor));
        List<QueueToken> frozen = queue.frozenPreQueue(room.concertId(), 0, FANS);
        assertEquals(room.arrivals(), frozen, "the frozen pre-queue is in arrival order");
        PreQueueShuffle crashed = new PreQueueShuffle(new byte[PreQueueShuffle.SEED_BYTES]);
        QuarkusTransaction.requiringNew()
                .call(() -> openings.claim(SaleOpeningRecord.started(
                        room.concertId(),
                        room.opensAt(),
                        crashed.seedHex(),
                        FANS,
                        PreQueueShuffle.digest(
                                frozen.stream().map(QueueToken::value).toList()),
                        TestClock.now())));
        List<QueueToken> order = crashed.shuffle(frozen);
        List<QueueStore.Placement> firstThird = new ArrayList<>();
        for (int place = 0; place < FANS / 3; place++) {
            firstThird.add(new QueueStore.Placement(order.get(place), SaleOpening.preQueueOrder(floor, FANS, place)));
        }
        queue.placePreQueue(room.concertId(), firstThird);
        assertEquals(0, events(room.concertId()));

        openSales.openDue();

        assertPlacedByTheRecordedSeed(room);
        assertEquals(
                crashed.seedHex(),
                QuarkusTransaction.requiringNew()
                        .call(() -> openings.find(room.concertId()))
                        .orElseThrow()
                        .seed(),
                "the seed claimed before the crash, not a new one");
    }
}
