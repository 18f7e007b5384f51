package domain.queue;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.queue.QueueAccessDeniedException.Reason;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueueTicketTest {
    private static final long CONCERT = 7;
    private static final QueueToken TOKEN = new QueueToken("7.1000.1.YWxpY2U.AAAAAAAAAAAAAAAAAAAAAA");
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(600);

    @Test
    void aWaitingTicketHasItsPositionAndNoExpiry() {
        QueueTicket ticket = QueueTicket.waiting(TOKEN, ALICE, CONCERT, 3);

        assertEquals(QueueStatus.WAITING, ticket.status());
        assertEquals(3, ticket.position());
        assertNull(ticket.expiresAt());
        assertEquals(CONCERT, ticket.concertId());
    }

    @Test
    void anActiveTicketHasPositionZeroAndAnExpiry() {
        QueueTicket ticket = QueueTicket.active(TOKEN, ALICE, CONCERT, EXPIRY);

        assertEquals(QueueStatus.ACTIVE, ticket.status());
        assertEquals(0, ticket.position());
        assertEquals(EXPIRY, ticket.expiresAt());
    }

    @Test
    void aWaitingTicketNeedsAPositionOfAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> QueueTicket.waiting(TOKEN, ALICE, CONCERT, 0));
        assertThrows(IllegalArgumentException.class, () -> QueueTicket.waiting(TOKEN, ALICE, CONCERT, -1));
    }

    @Test
    void aPreQueuedOrSoldOutTicketHasNoPlaceAndAdmitsNoOne() {
        QueueTicket preQueued = QueueTicket.preQueued(TOKEN, ALICE, CONCERT);
        QueueTicket soldOut = QueueTicket.soldOut(TOKEN, ALICE, CONCERT);

        assertEquals(QueueStatus.WAITING, preQueued.status());
        assertFalse(preQueued.hasPosition());
        assertFalse(soldOut.hasPosition());
        assertTrue(QueueTicket.waiting(TOKEN, ALICE, CONCERT, 1).hasPosition());
        assertEquals(
                QueueAccessDeniedException.Reason.WAITING,
                assertThrows(
                                QueueAccessDeniedException.class,
                                () -> soldOut.requireAdmitted(ALICE, CONCERT, Instant.EPOCH))
                        .reason());
    }

    @Test
    void anActiveTicketNeedsAnExpiry() {
        assertThrows(IllegalArgumentException.class, () -> QueueTicket.active(TOKEN, ALICE, CONCERT, null));
    }

    @Test
    void anActiveTicketCannotHaveAPlaceInLine() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new QueueTicket(TOKEN, ALICE, CONCERT, QueueStatus.ACTIVE, 1, EXPIRY));
    }

    @Test
    void tokenUserAndStatusAreRequired() {
        assertThrows(
                NullPointerException.class, () -> new QueueTicket(null, ALICE, CONCERT, QueueStatus.WAITING, 1, null));
        assertThrows(
                NullPointerException.class, () -> new QueueTicket(TOKEN, null, CONCERT, QueueStatus.WAITING, 1, null));
        assertThrows(NullPointerException.class, () -> new QueueTicket(TOKEN, ALICE, CONCERT, null, 1, null));
    }

    @Test
    void anActiveTicketIsActiveUntilJustBeforeItsExpiry() {
        QueueTicket ticket = QueueTicket.active(TOKEN, ALICE, CONCERT, EXPIRY);

        assertTrue(ticket.isActiveAt(NOW));
        assertTrue(ticket.isActiveAt(EXPIRY.minusMillis(1)));
        assertFalse(ticket.isActiveAt(EXPIRY));
        assertFalse(ticket.isActiveAt(EXPIRY.plusSeconds(1)));
    }

    @Test
    void aWaitingFanHasLeftTheLineOnceNotSeenForTheWaitingTtl() {
        java.time.Duration ttl = java.time.Duration.ofMinutes(2);

        assertFalse(QueueTicket.hasAbandoned(NOW, ttl, NOW.plus(ttl).minusMillis(1)));
        assertTrue(QueueTicket.hasAbandoned(NOW, ttl, NOW.plus(ttl)));
        assertTrue(QueueTicket.hasAbandoned(NOW, ttl, NOW.plus(ttl).plusMillis(1)));
    }

    @Test
    void anActiveTokenAdmitsUntilNotAtItsExpiry() {
        assertTrue(QueueTicket.stillActive(EXPIRY, EXPIRY.minusMillis(1)));
        assertFalse(QueueTicket.stillActive(EXPIRY, EXPIRY));
    }

    @Test
    void aWaitingTicketIsNeverActive() {
        assertFalse(QueueTicket.waiting(TOKEN, ALICE, CONCERT, 1).isActiveAt(NOW));
    }

    @Test
    void theOwnerPassesTheOwnershipCheck() {
        QueueTicket ticket = QueueTicket.waiting(TOKEN, ALICE, CONCERT, 1);

        assertSame(ticket, ticket.requireOwnedBy(new UserId("alice")));
    }

    @Test
    void someoneElsesTicketIsRefusedAsNotYours() {
        QueueTicket ticket = QueueTicket.active(TOKEN, ALICE, CONCERT, EXPIRY);

        QueueAccessDeniedException e = assertThrows(QueueAccessDeniedException.class, () -> ticket.requireOwnedBy(BOB));
        assertEquals(Reason.NOT_YOURS, e.reason());
    }

    @Test
    void anActiveTicketOfTheCallerForThisConcertAdmits() {
        QueueTicket ticket = QueueTicket.active(TOKEN, ALICE, CONCERT, EXPIRY);

        assertDoesNotThrow(() -> ticket.requireAdmitted(ALICE, CONCERT, NOW));
        assertDoesNotThrow(() -> ticket.requireAdmitted(ALICE, CONCERT, EXPIRY.minusMillis(1)));
    }

    @Test
    void admissionOfSomeoneElsesTicketIsRefusedAsNotYours() {
        QueueTicket ticket = QueueTicket.active(TOKEN, ALICE, CONCERT, EXPIRY);

        assertEquals(Reason.NOT_YOURS, refusal(() -> ticket.requireAdmitted(BOB, CONCERT, NOW)));
    }

    @Test
    void ownershipIsCheckedBeforeAnythingElse() {
        QueueTicket ticket = QueueTicket.waiting(TOKEN, ALICE, CONCERT, 4);

        assertEquals(Reason.NOT_YOURS, refusal(() -> ticket.requireAdmitted(BOB, CONCERT + 1, EXPIRY)));
    }

    @Test
    void aTicketForAnotherConcertIsRefused() {
        QueueTicket ticket = QueueTicket.active(TOKEN, ALICE, CONCERT, EXPIRY);

        assertEquals(Reason.OTHER_CONCERT, refusal(() -> ticket.requireAdmitted(ALICE, CONCERT + 1, NOW)));
    }

    @Test
    void aWaitingTicketIsRefusedAsWaiting() {
        QueueTicket ticket = QueueTicket.waiting(TOKEN, ALICE, CONCERT, 1);

        assertEquals(Reason.WAITING, refusal(() -> ticket.requireAdmitted(ALICE, CONCERT, NOW)));
    }

    @Test
    void anActiveTicketIsRefusedAsExpiredFromItsExpiryInstantOn() {
        QueueTicket ticket = QueueTicket.active(TOKEN, ALICE, CONCERT, EXPIRY);

        assertEquals(Reason.EXPIRED, refusal(() -> ticket.requireAdmitted(ALICE, CONCERT, EXPIRY)));
        assertEquals(Reason.EXPIRED, refusal(() -> ticket.requireAdmitted(ALICE, CONCERT, EXPIRY.plusSeconds(60))));
    }

    @Test
    void everyRefusalReasonExplainsItselfDifferently() {
        Set<String> messages = Arrays.stream(Reason.values())
                .map(reason -> new QueueAccessDeniedException(reason).getMessage())
                .collect(Collectors.toSet());

        assertEquals(Reason.values().length, messages.size());
        assertNotEquals("", new QueueAccessDeniedException(Reason.MISSING).getMessage());
    }

    private static Reason refusal(Runnable call) {
        return assertThrows(QueueAccessDeniedException.class, call::run).reason();
    }
}
