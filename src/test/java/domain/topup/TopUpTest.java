package domain.topup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopUpTest {
    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(30);

    private static TopUp pending() {
        return TopUp.pending(
                UUID.randomUUID(), new UserId("alice"), "toss", "pk-1", "order-1", Money.won(5_000), CREATED);
    }

    @Test
    void aNewTopUpIsPendingWithNothingCredited() {
        TopUp topUp = pending();

        assertTrue(topUp.isPending());
        assertNull(topUp.transactionId());
        assertTrue(topUp.belongsTo(new UserId("alice")));
    }

    @Test
    void approvingRecordsTheLedgerLineAndTheTime() {
        UUID line = UUID.randomUUID();

        TopUp approved = pending().approve(line, LATER);

        assertEquals(TopUpStatus.APPROVED, approved.status());
        assertEquals(line, approved.transactionId());
        assertEquals(LATER, approved.approvedAt());
        assertEquals(CREATED, approved.createdAt());
    }

    @ParameterizedTest
    @EnumSource(
            value = TopUpStatus.class,
            names = {"DECLINED", "CANCELLED"})
    void closingKeepsThePgsReasonAndCreditsNothing(TopUpStatus outcome) {
        TopUp closed = pending().close(outcome, "REJECT_CARD_COMPANY", "limit exceeded");

        assertEquals(outcome, closed.status());
        assertEquals("REJECT_CARD_COMPANY", closed.failureCode());
        assertEquals("limit exceeded", closed.failureMessage());
        assertNull(closed.transactionId());
    }

    @Test
    void aReasonTheStoreCannotHoldIsKeptWithTheCharacterReplaced() {
        // a gateway's decline with U+0000 once left the top-up PENDING behind a 500
        TopUp closed = pending().close(TopUpStatus.DECLINED, "REJECT\u0000X", "bad\u0000msg\uD800");

        assertEquals("REJECT\uFFFDX", closed.failureCode());
        assertEquals("bad\uFFFDmsg\uFFFD", closed.failureMessage());
    }

    @Test
    void anApprovedTopUpCannotBeApprovedAgain() {
        TopUp approved = pending().approve(UUID.randomUUID(), LATER);

        TopUpNotPendingException e =
                assertThrows(TopUpNotPendingException.class, () -> approved.approve(UUID.randomUUID(), LATER));

        assertEquals(approved.id(), e.topUpId());
        assertEquals(TopUpStatus.APPROVED, e.status());
        assertEquals(TopUpStatus.APPROVED, e.target());
    }

    @Test
    void aDeclinedTopUpCannotBeApprovedNorCancelled() {
        TopUp declined = pending().close(TopUpStatus.DECLINED, "X", "no");

        TopUpNotPendingException approve =
                assertThrows(TopUpNotPendingException.class, () -> declined.approve(UUID.randomUUID(), LATER));
        TopUpNotPendingException cancel =
                assertThrows(TopUpNotPendingException.class, () -> declined.close(TopUpStatus.CANCELLED, null, null));

        assertEquals(TopUpStatus.DECLINED, approve.status());
        assertEquals(TopUpStatus.CANCELLED, cancel.target());
    }

    @ParameterizedTest
    @EnumSource(
            value = TopUpStatus.class,
            names = {"PENDING", "APPROVED"})
    void aTopUpClosesOnlyAsDeclinedOrCancelled(TopUpStatus outcome) {
        assertThrows(IllegalArgumentException.class, () -> pending().close(outcome, null, null));
    }

    @Test
    void onlyAnApprovedTopUpHasALedgerLine() {
        TopUp p = pending();
        assertThrows(
                IllegalArgumentException.class,
                () -> new TopUp(
                        p.id(),
                        p.userId(),
                        p.provider(),
                        p.paymentKey(),
                        p.orderId(),
                        p.amount(),
                        TopUpStatus.PENDING,
                        UUID.randomUUID(),
                        null,
                        null,
                        null,
                        CREATED));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TopUp(
                        p.id(),
                        p.userId(),
                        p.provider(),
                        p.paymentKey(),
                        p.orderId(),
                        p.amount(),
                        TopUpStatus.APPROVED,
                        null,
                        null,
                        null,
                        LATER,
                        CREATED));
    }

    @Test
    void aDeclinedPaymentCarriesTheTopUpAndThePgsWords() {
        TopUp declined = pending().close(TopUpStatus.DECLINED, "REJECT_CARD_COMPANY", "limit exceeded");

        PaymentDeclinedException e = new PaymentDeclinedException(declined);

        assertEquals(declined.id(), e.topUpId());
        assertEquals("REJECT_CARD_COMPANY", e.code());
        assertEquals("limit exceeded", e.pgMessage());
        assertThrows(IllegalArgumentException.class, () -> new PaymentDeclinedException(pending()));
    }
}
