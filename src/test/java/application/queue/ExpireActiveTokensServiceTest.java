package application.queue;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.TestBed;
import domain.queue.QueueToken;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpireActiveTokensServiceTest {
    private TestBed bed;
    private ExpireActiveTokensService service;

    @BeforeEach
    void setUp() {
        bed = new TestBed(5);
        service = new ExpireActiveTokensService(bed.queue, bed.clock);
    }

    @Test
    void onlyTokensWhoseTtlRanOutAreDropped() {
        long concertId = bed.concert(5, 1_000).id();
        String early = bed.enter(user("early"), concertId);
        bed.clock.advance(Duration.ofMinutes(1));
        String late = bed.enter(user("late"), concertId);
        bed.clock.advance(TestBed.ACTIVE_TTL.minus(Duration.ofMinutes(1)));

        long expired = service.expireAll();

        assertEquals(1, expired);
        assertFalse(bed.queue.activeTokens(concertId).contains(new QueueToken(early)));
        assertTrue(bed.queue.activeTokens(concertId).contains(new QueueToken(late)));
    }

    @Test
    void expiryCoversEveryRoomAndDoesNotAdmitAnyone() {
        long first = bed.concert(5, 1_000).id();
        long second = bed.concert(5, 1_000).id();
        bed.enter(user("a"), first);
        bed.enter(user("b"), second);
        bed.queue.setMaxActive(second, 1);
        String waiting = bed.enter(user("c"), second);
        bed.advanceWhilePolling(TestBed.ACTIVE_TTL, List.of(waiting));

        assertEquals(2, service.expireAll());
        assertEquals(0, bed.queue.stats(second, bed.now(), 5).active());
        assertEquals(1, bed.queue.stats(second, bed.now(), 5).waiting());
    }

    @Test
    void nothingToExpireReturnsZero() {
        long concertId = bed.concert(5, 1_000).id();
        bed.enter(user("a"), concertId);

        assertEquals(0, service.expireAll());
    }
}
