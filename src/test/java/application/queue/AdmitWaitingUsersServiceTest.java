package application.queue;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.TestBed;
import domain.queue.QueueStatus;
import domain.queue.QueueToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdmitWaitingUsersServiceTest {
    private static final int MAX_ACTIVE = 3;

    private TestBed bed;
    private AdmitWaitingUsersService service;
    private long concertId;

    @BeforeEach
    void setUp() {
        bed = new TestBed(MAX_ACTIVE);
        service = new AdmitWaitingUsersService(bed.queue, bed.queueSettings, bed.clock, bed.capacities, bed.concerts);
        concertId = bed.concert(5, 1_000).id();
    }

    private List<String> enterFans(long concert, int count, String prefix) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(bed.enter(user(prefix + i), concert));
        }
        return tokens;
    }

    private QueueStatus statusOf(String token) {
        return bed.queue
                .find(new QueueToken(token), bed.now(), MAX_ACTIVE)
                .orElseThrow()
                .ticket()
                .status();
    }

    @Test
    void admissionNeverExceedsTheLimit() {
        List<String> tokens = enterFans(concertId, 10, "fan");
        tokens.subList(0, MAX_ACTIVE).forEach(token -> bed.queue.release(new QueueToken(token)));

        long admitted = service.admitAll();

        assertEquals(MAX_ACTIVE, admitted);
        assertEquals(
                MAX_ACTIVE, bed.queue.stats(concertId, bed.now(), MAX_ACTIVE).active());
        assertEquals(4, bed.queue.stats(concertId, bed.now(), MAX_ACTIVE).waiting());
    }

    @Test
    void aFullRoomAdmitsNobody() {
        enterFans(concertId, 6, "fan");

        assertEquals(0, service.admitAll());
        assertEquals(
                MAX_ACTIVE, bed.queue.stats(concertId, bed.now(), MAX_ACTIVE).active());
    }

    @Test
    void waitingFansAreAdmittedInArrivalOrder() {
        List<String> tokens = enterFans(concertId, 7, "fan");
        tokens.subList(0, 2).forEach(token -> bed.queue.release(new QueueToken(token)));

        service.admitAll();

        assertEquals(QueueStatus.ACTIVE, statusOf(tokens.get(3)));
        assertEquals(QueueStatus.ACTIVE, statusOf(tokens.get(4)));
        assertEquals(QueueStatus.WAITING, statusOf(tokens.get(5)));
        assertEquals(QueueStatus.WAITING, statusOf(tokens.get(6)));
        assertEquals(
                List.of(new QueueToken(tokens.get(5)), new QueueToken(tokens.get(6))),
                bed.queue.waitingLine(concertId));
    }

    @Test
    void slotsWhoseTtlRanOutAreRefilled() {
        List<String> tokens = enterFans(concertId, 5, "fan");
        bed.advanceWhilePolling(TestBed.ACTIVE_TTL, tokens.subList(MAX_ACTIVE, 5));

        long admitted = service.admitAll();

        assertEquals(2, admitted);
        assertEquals(QueueStatus.ACTIVE, statusOf(tokens.get(3)));
        assertEquals(
                bed.now().plus(TestBed.ACTIVE_TTL),
                bed.queue
                        .find(new QueueToken(tokens.get(4)), bed.now(), MAX_ACTIVE)
                        .orElseThrow()
                        .ticket()
                        .expiresAt());
        assertTrue(bed.queue
                .find(new QueueToken(tokens.get(0)), bed.now(), MAX_ACTIVE)
                .isEmpty());
    }

    @Test
    void fansWhoStoppedPollingForTheWaitingTtlLeaveTheLineAndTakeNoSlot() {
        List<String> tokens = enterFans(concertId, 5, "fan");
        bed.advanceWhilePolling(Duration.ofMinutes(1), List.of(tokens.get(4)));
        tokens.subList(0, MAX_ACTIVE).forEach(token -> bed.queue.release(new QueueToken(token)));
        bed.clock.advance(Duration.ofMinutes(1));

        assertEquals(1, service.admitAll(), "fan3 was last seen two minutes ago: gone");
        assertTrue(bed.queue
                .find(new QueueToken(tokens.get(3)), bed.now(), MAX_ACTIVE)
                .isEmpty());
        assertEquals(QueueStatus.ACTIVE, statusOf(tokens.get(4)));
    }

    @Test
    void everyRoomIsServedUpToItsOwnLimit() {
        long second = bed.concert(5, 1_000).id();
        bed.queue.setMaxActive(second, 0);
        enterFans(second, 3, "early");
        bed.queue.setMaxActive(second, 2);
        enterFans(concertId, 4, "fan");
        bed.clock.advance(Duration.ofSeconds(1));

        long admitted = service.admitAll();

        assertEquals(2, admitted);
        assertEquals(2, bed.queue.stats(second, bed.now(), MAX_ACTIVE).active());
        assertEquals(1, bed.queue.stats(second, bed.now(), MAX_ACTIVE).waiting());
        assertEquals(
                MAX_ACTIVE, bed.queue.stats(concertId, bed.now(), MAX_ACTIVE).active());
    }

    @Test
    void aPausedRoomAdmitsNobody() {
        bed.queue.setMaxActive(concertId, 0);
        enterFans(concertId, 3, "fan");

        assertEquals(0, service.admitAll());
        assertEquals(3, bed.queue.stats(concertId, bed.now(), MAX_ACTIVE).waiting());
    }

    @Test
    void aRoomThatEmptiedIsNoLongerVisited() {
        enterFans(concertId, 2, "fan");
        bed.clock.advance(TestBed.ACTIVE_TTL);

        assertEquals(0, service.admitAll());
        assertFalse(bed.queue.concertsInQueue().contains(concertId));
    }

    @Test
    void withNobodyInAnyRoomNothingHappens() {
        assertEquals(0, service.admitAll());
    }
}
