package application.queue;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.TestBed;
import domain.queue.QueueAccessDeniedException;
import domain.queue.QueueStatus;
import domain.queue.QueueToken;
import domain.shared.UserId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaveQueueServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");
    private static final UserId CAROL = user("carol");

    private TestBed bed;
    private LeaveQueueService service;
    private long concertId;

    @BeforeEach
    void setUp() {
        bed = new TestBed(1);
        service = new LeaveQueueService(bed.gate(), bed.queue);
        concertId = bed.concert(5, 1_000).id();
    }

    @Test
    void leavingFreesTheActiveSlotForTheNextInLine() {
        String alice = bed.admittedToken(ALICE, concertId);
        String bob = bed.enter(BOB, concertId);

        service.leave(ALICE, alice);
        long admitted = bed.queue.admit(concertId, bed.now(), 1, TestBed.ACTIVE_TTL);

        assertEquals(1, admitted);
        assertTrue(bed.queue.find(new QueueToken(alice), bed.now(), 1).isEmpty());
        assertEquals(
                QueueStatus.ACTIVE,
                bed.queue
                        .find(new QueueToken(bob), bed.now(), 1)
                        .orElseThrow()
                        .ticket()
                        .status());
    }

    @Test
    void leavingTheLineMovesEveryoneBehindUp() {
        bed.admittedToken(ALICE, concertId);
        String bob = bed.enter(BOB, concertId);
        String carol = bed.enter(CAROL, concertId);

        service.leave(BOB, bob);

        assertEquals(List.of(new QueueToken(carol)), bed.queue.waitingLine(concertId));
        assertEquals(
                1,
                bed.queue
                        .find(new QueueToken(carol), bed.now(), 1)
                        .orElseThrow()
                        .ticket()
                        .position());
    }

    @Test
    void aTokenThatLeftCannotBeUsedAgain() {
        String alice = bed.admittedToken(ALICE, concertId);
        service.leave(ALICE, alice);

        QueueAccessDeniedException e =
                assertThrows(QueueAccessDeniedException.class, () -> service.leave(ALICE, alice));
        assertEquals(QueueAccessDeniedException.Reason.UNKNOWN, e.reason());
    }

    @Test
    void nobodyCanMakeSomeoneElseLeave() {
        String alice = bed.admittedToken(ALICE, concertId);

        QueueAccessDeniedException e = assertThrows(QueueAccessDeniedException.class, () -> service.leave(BOB, alice));

        assertEquals(QueueAccessDeniedException.Reason.NOT_YOURS, e.reason());
        assertEquals(
                QueueStatus.ACTIVE,
                bed.queue
                        .find(new QueueToken(alice), bed.now(), 1)
                        .orElseThrow()
                        .ticket()
                        .status());
    }

    @Test
    void aFanWhoLeftGetsANewTokenOnReentry() {
        String alice = bed.admittedToken(ALICE, concertId);
        service.leave(ALICE, alice);

        String again = bed.enter(ALICE, concertId);

        assertNotEquals(alice, again);
    }
}
