package domain.topup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopUpOrderTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final Instant EXPIRY = NOW.plus(TTL);
    private static final UserId ALICE = new UserId("alice");

    private static TopUpOrder order() {
        return TopUpOrder.open("ord_1", ALICE, Money.won(5_000), NOW, TTL);
    }

    private static TopUpOrder used() {
        TopUpOrder open = order();
        return new TopUpOrder(
                open.id(), open.userId(), open.amount(), open.createdAt(), open.expiresAt(), UUID.randomUUID());
    }

    @Test
    void anOrderIsOpenUntilNotAtItsExpiry() {
        assertTrue(order().isOpen(NOW));
        assertTrue(order().isOpen(EXPIRY.minusMillis(1)));
        assertFalse(order().isOpen(EXPIRY));
        assertTrue(order().hasExpiredAt(EXPIRY));
    }

    @Test
    void aUsedOrderIsNotOpenEvenBeforeItsExpiry() {
        assertFalse(used().isOpen(NOW));
    }

    @Test
    void theOwnerMayPayTheOrdersAmountWhileItIsOpen() {
        assertDoesNotThrow(() -> order().requirePayableBy(ALICE, Money.won(5_000), EXPIRY.minusMillis(1)));
    }

    @Test
    void anExpiredUsedOrMismatchedOrderIsRefusedWithItsReason() {
        assertEquals(TopUpOrderRefusedException.Reason.EXPIRED, refusal(order(), 5_000, EXPIRY));
        assertEquals(TopUpOrderRefusedException.Reason.USED, refusal(used(), 5_000, NOW));
        assertEquals(TopUpOrderRefusedException.Reason.AMOUNT_MISMATCH, refusal(order(), 5_001, NOW));
    }

    @Test
    void someoneElsesOrderLooksMissing() {
        assertThrows(NotFoundException.class, () -> order().requirePayableBy(new UserId("bob"), Money.won(5_000), NOW));
    }

    private static TopUpOrderRefusedException.Reason refusal(TopUpOrder order, long won, Instant at) {
        return assertThrows(TopUpOrderRefusedException.class, () -> order.requirePayableBy(ALICE, Money.won(won), at))
                .reason();
    }
}
