package application.queue;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.fakes.TestBed;
import domain.queue.AdmissionPolicy;
import domain.queue.QueueStatus;
import domain.queue.QueueToken;
import domain.queue.WaitingRoomStats;
import domain.shared.InvalidValueException;
import domain.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetWaitingRoomCapacityServiceTest {
    private TestBed bed;
    private SetWaitingRoomCapacityService service;
    private long concertId;

    @BeforeEach
    void setUp() {
        bed = new TestBed(2);
        service = new SetWaitingRoomCapacityService(
                bed.concerts, bed.queue, bed.queueSettings, bed.clock, bed.capacities, bed.afterCommit);
        concertId = bed.concert(5, 1_000).id();
    }

    @Test
    void theNewLimitIsStoredAndReported() {
        WaitingRoomStats stats = service.setMaxActive(concertId, 40);

        assertEquals(40, stats.maxActive());
        assertEquals(concertId, stats.concertId());
        assertEquals(40, bed.queue.stats(concertId, bed.now(), 2).maxActive());
    }

    @Test
    void theReportCountsWhoIsWaitingAndActive() {
        bed.enter(user("a"), concertId);
        bed.enter(user("b"), concertId);
        bed.enter(user("c"), concertId);

        WaitingRoomStats stats = service.setMaxActive(concertId, 5);

        assertEquals(2, stats.active());
        assertEquals(1, stats.waiting());
    }

    @Test
    void aRaisedLimitLetsTheNextArrivalStraightIn() {
        bed.enter(user("a"), concertId);
        bed.enter(user("b"), concertId);

        service.setMaxActive(concertId, 3);
        String third = bed.enter(user("c"), concertId);

        assertEquals(
                QueueStatus.ACTIVE,
                bed.queue
                        .find(new QueueToken(third), bed.now(), 2)
                        .orElseThrow()
                        .ticket()
                        .status());
    }

    @Test
    void zeroPausesAdmission() {
        service.setMaxActive(concertId, 0);
        bed.enter(user("a"), concertId);

        assertEquals(0, bed.queue.admit(concertId, bed.now(), 2, TestBed.ACTIVE_TTL));
        assertEquals(1, bed.queue.stats(concertId, bed.now(), 2).waiting());
    }

    @Test
    void theLargestLimitIsAccepted() {
        assertEquals(
                AdmissionPolicy.LIMIT,
                service.setMaxActive(concertId, AdmissionPolicy.LIMIT).maxActive());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, AdmissionPolicy.LIMIT + 1})
    void limitsOutOfRangeAreRejectedAndNothingChanges(int maxActive) {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> service.setMaxActive(concertId, maxActive));

        assertEquals("maxActive", e.field());
        assertEquals(2, bed.queue.stats(concertId, bed.now(), 2).maxActive());
    }

    @Test
    void anUnknownConcertIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> service.setMaxActive(404, 10));

        assertEquals("concert", e.kind());
        assertEquals(2, bed.queue.stats(404, bed.now(), 2).maxActive());
    }

    @Test
    void anInvalidLimitIsReportedEvenForAnUnknownConcert() {
        assertThrows(InvalidValueException.class, () -> service.setMaxActive(404, -5));
    }
}
