package application.queue;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.fakes.TestBed;
import application.queue.port.out.QueueStore;
import domain.queue.QueueAccessDeniedException;
import domain.queue.QueueAccessDeniedException.Reason;
import domain.queue.QueueStatus;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.queue.WaitingRoomStats;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueGateTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private QueueGate gate;
    private long concertId;

    @BeforeEach
    void setUp() {
        bed = new TestBed(1);
        gate = bed.gate();
        concertId = bed.concert(10, 1_000).id();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingTokenIsRefusedAsMissing(String token) {
        assertEquals(Reason.MISSING, refusal(() -> gate.requireAdmitted(ALICE, token, concertId)));
        assertEquals(Reason.MISSING, refusal(() -> gate.ownTicket(ALICE, token)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", " ", "1.short", "0.AAAAAAAAAAAAAAAAAAAAAA", "1.AAAAAAAAAAAAAAAAAAAAA*"})
    void aMalformedTokenIsRefusedAsUnknown(String token) {
        assertEquals(Reason.UNKNOWN, refusal(() -> gate.requireAdmitted(ALICE, token, concertId)));
        assertEquals(Reason.UNKNOWN, refusal(() -> gate.ownTicket(ALICE, token)));
    }

    @Test
    void aSignedTokenTheStoreDoesNotHoldIsRefusedAsUnknown() {
        String issuedButNeverStored =
                bed.tokens.issue(ALICE, concertId, bed.now()).value();

        assertEquals(Reason.UNKNOWN, refusal(() -> gate.requireAdmitted(ALICE, issuedButNeverStored, concertId)));
    }

    @Test
    void aForgedOrAlteredTokenIsRefusedAsUnknownBeforeTheStoreIsAsked() {
        String token = bed.admittedToken(ALICE, concertId);
        QueueToken real = new QueueToken(token);
        String unsigned = concertId + ".1.1.YWxpY2U.AAAAAAAAAAAAAAAAAAAAAA";
        // an earlier arrival with the real signature: queue jumping
        String earlier = concertId + ".1." + real.issuedAt().toEpochMilli() + ".YWxpY2U." + real.signature();

        assertEquals(Reason.UNKNOWN, refusal(() -> gate.requireAdmitted(ALICE, unsigned, concertId)));
        assertEquals(Reason.UNKNOWN, refusal(() -> gate.ownTicket(ALICE, earlier)));
    }

    @Test
    void theCallersActiveTokenForThisConcertAdmits() {
        String token = bed.admittedToken(ALICE, concertId);

        assertDoesNotThrow(() -> gate.requireAdmitted(ALICE, token, concertId));
    }

    @Test
    void someoneElsesTokenIsRefusedAsNotYours() {
        String token = bed.admittedToken(ALICE, concertId);

        assertEquals(Reason.NOT_YOURS, refusal(() -> gate.requireAdmitted(BOB, token, concertId)));
        assertEquals(Reason.NOT_YOURS, refusal(() -> gate.ownTicket(BOB, token)));
    }

    @Test
    void aTokenForAnotherConcertIsRefused() {
        long otherConcert = bed.concert(10, 1_000).id();
        String token = bed.admittedToken(ALICE, concertId);

        assertEquals(Reason.OTHER_CONCERT, refusal(() -> gate.requireAdmitted(ALICE, token, otherConcert)));
    }

    @Test
    void aWaitingTokenIsRefusedAsWaiting() {
        bed.admittedToken(ALICE, concertId);
        String bobs = bed.enter(BOB, concertId);

        assertEquals(Reason.WAITING, refusal(() -> gate.requireAdmitted(BOB, bobs, concertId)));
    }

    @Test
    void aTokenPastItsActiveTtlIsRefused() {
        String token = bed.admittedToken(ALICE, concertId);
        bed.clock.advance(TestBed.ACTIVE_TTL);

        // the store forgets an ended token, so it reads as unknown rather than expired
        assertEquals(Reason.UNKNOWN, refusal(() -> gate.requireAdmitted(ALICE, token, concertId)));
    }

    @Test
    void aTokenStillAdmitsOneMillisecondBeforeItsExpiry() {
        String token = bed.admittedToken(ALICE, concertId);
        bed.clock.advance(TestBed.ACTIVE_TTL.minusMillis(1));

        assertDoesNotThrow(() -> gate.requireAdmitted(ALICE, token, concertId));
    }

    @Test
    void anActiveTicketThatTheStoreStillReportsAfterItsExpiryIsRefusedAsExpired() {
        QueueToken token = bed.tokens.issue(ALICE, concertId, bed.now());
        Instant lapsed = bed.now().minus(Duration.ofSeconds(1));
        QueueStore stale = new StaleStore(QueueTicket.active(token, ALICE, concertId, lapsed));
        QueueGate staleGate = new QueueGate(stale, bed.queueSettings, bed.clock, bed.tokens);

        assertEquals(Reason.EXPIRED, refusal(() -> staleGate.requireAdmitted(ALICE, token.value(), concertId)));
    }

    @Test
    void aReleasedTokenIsRefusedAsUnknown() {
        String token = bed.admittedToken(ALICE, concertId);
        bed.queue.release(new QueueToken(token));

        assertEquals(Reason.UNKNOWN, refusal(() -> gate.requireAdmitted(ALICE, token, concertId)));
    }

    @Test
    void theOwnerSeesTheirTicketWhateverItsStatus() {
        bed.admittedToken(ALICE, concertId);
        String bobs = bed.enter(BOB, concertId);

        QueueStore.View view = gate.ownTicket(BOB, bobs);

        assertEquals(QueueStatus.WAITING, view.ticket().status());
        assertEquals(1, view.ticket().position());
        assertEquals(1, view.maxActive());
    }

    private static Reason refusal(Runnable call) {
        return assertThrows(QueueAccessDeniedException.class, call::run).reason();
    }

    /** A store that keeps reporting one ticket as it was, however late it is asked; nothing else. */
    private static final class StaleStore implements QueueStore {
        private final QueueTicket ticket;

        StaleStore(QueueTicket ticket) {
            this.ticket = ticket;
        }

        @Override
        public Optional<View> find(QueueToken token, Instant now, int defaultMaxActive) {
            return token.equals(ticket.token()) ? Optional.of(new View(ticket, 0, defaultMaxActive)) : Optional.empty();
        }

        @Override
        public Entry enter(Arrival arrival) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(QueueToken token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseUser(long concertId, UserId userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long admit(
                long concertId,
                Instant now,
                int defaultMaxActive,
                Duration activeTtl,
                domain.concert.Inventory.Verdict inventory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long freezePreQueue(long concertId, long floor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.List<QueueToken> frozenPreQueue(long concertId, long from, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long placePreQueue(long concertId, java.util.List<Placement> placements) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void dropFrozenPreQueue(long concertId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long expireActive(long concertId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Long> concertsInQueue() {
            throw new UnsupportedOperationException();
        }

        @Override
        public WaitingRoomStats stats(long concertId, Instant now, int defaultMaxActive) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setMaxActive(long concertId, int maxActive, long version) {
            throw new UnsupportedOperationException();
        }
    }
}
