package application.queue;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.fakes.Outcome;
import application.fakes.TestBed;
import application.queue.port.in.QueueStatusView;
import application.queue.port.out.QueueStore;
import domain.queue.QueueAccessDeniedException;
import domain.queue.QueueStatus;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.shared.UserId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetQueueStatusServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");
    private static final UserId CAROL = user("carol");
    private static final UserId DAVE = user("dave");

    private TestBed bed;
    private GetQueueStatusService service;
    private long concertId;

    @BeforeEach
    void setUp() {
        bed = new TestBed(1);
        service = new GetQueueStatusService(bed.gate(), bed.queueSettings, bed.concerts);
        concertId = bed.concert(5, 1_000).id();
    }

    @Test
    void anActiveFanSeesTheirExpiryAndNoWait() {
        String token = bed.admittedToken(ALICE, concertId);

        QueueStatusView status = status(ALICE, token);

        assertEquals(QueueStatus.ACTIVE, status.ticket().status());
        assertEquals(bed.now().plus(TestBed.ACTIVE_TTL), status.ticket().expiresAt());
        assertEquals(0, status.estimatedWaitSeconds());
    }

    @Test
    void aWaitingFanSeesTheirPlaceAndAnEstimate() {
        bed.admittedToken(ALICE, concertId);
        bed.enter(BOB, concertId);
        String carol = bed.enter(CAROL, concertId);

        QueueStatusView status = status(CAROL, carol);

        assertEquals(QueueStatus.WAITING, status.ticket().status());
        assertEquals(2, status.ticket().position());
        // one slot turning over once per 600 s, and Carol is second
        assertEquals(1_200, status.estimatedWaitSeconds());
    }

    @Test
    void thePlaceMovesUpAsThoseAheadAreAdmitted() {
        String alice = bed.admittedToken(ALICE, concertId);
        bed.enter(BOB, concertId);
        String carol = bed.enter(CAROL, concertId);

        bed.queue.release(new QueueToken(alice));
        bed.queue.admit(concertId, bed.now(), 1, TestBed.ACTIVE_TTL);

        assertEquals(1, status(CAROL, carol).ticket().position());
    }

    @Test
    void someoneElsesTokenIsRefused() {
        String token = bed.admittedToken(ALICE, concertId);

        QueueAccessDeniedException e = assertThrows(QueueAccessDeniedException.class, () -> status(DAVE, token));
        assertEquals(QueueAccessDeniedException.Reason.NOT_YOURS, e.reason());
    }

    @Test
    void anEndedTokenIsUnknown() {
        String token = bed.admittedToken(ALICE, concertId);
        bed.clock.advance(TestBed.ACTIVE_TTL.plus(Duration.ofSeconds(1)));

        QueueAccessDeniedException e = assertThrows(QueueAccessDeniedException.class, () -> status(ALICE, token));
        assertEquals(QueueAccessDeniedException.Reason.UNKNOWN, e.reason());
    }

    @Test
    void theEstimateUsesTheObservedAdmissionRateWhenThereIsOne() {
        QueueToken token = bed.tokens.issue(ALICE, 3, bed.now());
        QueueStore.View view = new QueueStore.View(QueueTicket.waiting(token, ALICE, 3, 5), 2.0, 1);

        assertEquals(3, QueueStatusViews.of(view, TestBed.ACTIVE_TTL).estimatedWaitSeconds());
    }

    private QueueStatusView status(UserId userId, String token) {
        return Outcome.of(service.status(userId, token));
    }
}
