package application.queue;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.Outcome;
import application.fakes.TestBed;
import application.queue.port.in.EnterQueueUseCase;
import domain.queue.QueueStatus;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnterQueueServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");
    private static final UserId CAROL = user("carol");
    private static final UserId DAVE = user("dave");

    private TestBed bed;
    private EnterQueueService service;
    private long concertId;

    @BeforeEach
    void setUp() {
        bed = new TestBed(2);
        service = new EnterQueueService(
                bed.concerts, bed.queue, bed.queueSettings, bed.clock, bed.tokens, bed.capacities);
        concertId = bed.concert(10, 1_000).id();
    }

    @Test
    void enteringAnUnknownConcertIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> enter(ALICE, 999));

        assertEquals("concert", e.kind());
        assertEquals("999", e.id());
        assertTrue(bed.queue.concertsInQueue().isEmpty());
    }

    @Test
    void theFirstFanIntoAnEmptyRoomIsAdmittedAtOnce() {
        EnterQueueUseCase.Result result = enter(ALICE, concertId);

        QueueTicket ticket = result.status().ticket();
        assertTrue(result.created());
        assertEquals(QueueStatus.ACTIVE, ticket.status());
        assertEquals(0, ticket.position());
        assertEquals(bed.now().plus(TestBed.ACTIVE_TTL), ticket.expiresAt());
        assertEquals(0, result.status().estimatedWaitSeconds());
        assertEquals(ALICE, ticket.userId());
    }

    @Test
    void theTokenIsWellFormedAndNamesTheConcert() {
        QueueToken token = enter(ALICE, concertId).status().ticket().token();

        assertTrue(QueueToken.isWellFormed(token.value()));
        assertEquals(concertId, token.concertId());
    }

    @Test
    void enteringAgainReturnsTheSameTokenWithoutCreatingAnother() {
        QueueToken first = enter(ALICE, concertId).status().ticket().token();

        EnterQueueUseCase.Result again = enter(ALICE, concertId);

        assertFalse(again.created());
        assertEquals(first, again.status().ticket().token());
        assertEquals(QueueStatus.ACTIVE, again.status().ticket().status());
        assertEquals(1, bed.queue.stats(concertId, bed.now(), 2).active());
    }

    @Test
    void aWaitingFanEnteringAgainKeepsTokenAndPlace() {
        enter(ALICE, concertId);
        enter(BOB, concertId);
        QueueTicket waiting = enter(CAROL, concertId).status().ticket();

        EnterQueueUseCase.Result again = enter(CAROL, concertId);

        assertFalse(again.created());
        assertEquals(waiting.token(), again.status().ticket().token());
        assertEquals(QueueStatus.WAITING, again.status().ticket().status());
        assertEquals(1, again.status().ticket().position());
    }

    @Test
    void whenTheRoomIsFullNewcomersWaitInArrivalOrder() {
        enter(ALICE, concertId);
        enter(BOB, concertId);

        QueueTicket carol = enter(CAROL, concertId).status().ticket();
        QueueTicket dave = enter(DAVE, concertId).status().ticket();

        assertEquals(QueueStatus.WAITING, carol.status());
        assertEquals(1, carol.position());
        assertEquals(QueueStatus.WAITING, dave.status());
        assertEquals(2, dave.position());
        assertNull(dave.expiresAt());
    }

    @Test
    void aWaitingFanIsToldTheWaitFromTheTtlBeforeAnyAdmissionIsObserved() {
        enter(ALICE, concertId);
        enter(BOB, concertId);
        enter(CAROL, concertId);

        EnterQueueUseCase.Result dave = enter(DAVE, concertId);

        // 2 slots turning over once per 600 s: one fan every 300 s; Dave is second in line
        assertEquals(600, dave.status().estimatedWaitSeconds());
    }

    @Test
    void aFreedSlotGoesToTheLineNotToANewcomer() {
        QueueToken alice = enter(ALICE, concertId).status().ticket().token();
        enter(BOB, concertId);
        enter(CAROL, concertId);
        bed.queue.release(alice);

        QueueTicket dave = enter(DAVE, concertId).status().ticket();

        assertEquals(QueueStatus.WAITING, dave.status());
        assertEquals(2, dave.position());
    }

    @Test
    void aPausedRoomAdmitsNobodyEvenWhenEmpty() {
        bed.queue.setMaxActive(concertId, 0);

        QueueTicket ticket = enter(ALICE, concertId).status().ticket();

        assertEquals(QueueStatus.WAITING, ticket.status());
        assertEquals(1, ticket.position());
    }

    @Test
    void anEndedTokenIsReplacedByANewOneOnReentry() {
        QueueToken first = enter(ALICE, concertId).status().ticket().token();
        bed.clock.advance(TestBed.ACTIVE_TTL);

        EnterQueueUseCase.Result again = enter(ALICE, concertId);

        assertTrue(again.created());
        assertNotEquals(first, again.status().ticket().token());
        assertEquals(QueueStatus.ACTIVE, again.status().ticket().status());
        assertTrue(bed.queue.find(first, bed.now(), 2).isEmpty());
    }

    @Test
    void eachConcertHasItsOwnRoom() {
        long other = bed.concert(10, 1_000).id();
        enter(ALICE, concertId);
        enter(BOB, concertId);

        QueueTicket carolElsewhere = enter(CAROL, other).status().ticket();

        assertEquals(QueueStatus.ACTIVE, carolElsewhere.status());
        assertEquals(other, carolElsewhere.concertId());
    }

    @Test
    void anActiveSlotThatLapsedNoLongerCountsAgainstTheLimit() {
        enter(ALICE, concertId);
        enter(BOB, concertId);
        bed.clock.advance(TestBed.ACTIVE_TTL.plus(Duration.ofSeconds(1)));

        QueueTicket carol = enter(CAROL, concertId).status().ticket();

        assertEquals(QueueStatus.ACTIVE, carol.status());
    }

    private EnterQueueUseCase.Result enter(UserId userId, long concert) {
        return Outcome.of(service.enter(userId, concert, null));
    }
}
