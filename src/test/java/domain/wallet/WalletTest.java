package domain.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalletTest {
    private static final UserId ALICE = new UserId("alice");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static Wallet holding(long won) {
        return new Wallet(ALICE, Money.won(won));
    }

    @Test
    void anEmptyWalletHoldsNothing() {
        Wallet wallet = Wallet.empty(ALICE);

        assertEquals(Money.ZERO, wallet.balance());
        assertEquals(ALICE, wallet.userId());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 5_000, Wallet.MAX_CHARGE})
    void chargesFromOneToTenMillionAreAccepted(long won) {
        assertEquals(Money.won(won), Wallet.requireChargeable(won));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Wallet.MAX_CHARGE + 1, Long.MIN_VALUE})
    void chargesOutsideOneToTenMillionAreRejected(long won) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Wallet.requireChargeable(won));
        assertEquals("amount", e.field());
    }

    @Test
    void aChargeRaisesTheBalanceAndWritesAChargeLine() {
        UUID txId = UUID.randomUUID();

        Wallet.Change change = holding(1_000).charge(Money.won(500), txId, NOW);

        assertEquals(Money.won(1_500), change.wallet().balance());
        WalletTransaction entry = change.entry();
        assertEquals(txId, entry.id());
        assertEquals(ALICE, entry.userId());
        assertEquals(TransactionType.CHARGE, entry.type());
        assertEquals(Money.won(500), entry.amount());
        assertEquals(Money.won(1_500), entry.balanceAfter());
        assertNull(entry.referenceId());
        assertEquals(NOW, entry.createdAt());
    }

    @Test
    void aChargeLeavesTheOriginalWalletAsItWas() {
        Wallet before = holding(1_000);

        before.charge(Money.won(500), UUID.randomUUID(), NOW);

        assertEquals(Money.won(1_000), before.balance());
    }

    @Test
    void aChargeOfNothingIsRejected() {
        assertThrows(InvalidValueException.class, () -> holding(10).charge(Money.ZERO, UUID.randomUUID(), NOW));
    }

    @Test
    void aChargePastTheLargestBalanceOverflowsLoudly() {
        Wallet full = holding(Long.MAX_VALUE);

        assertThrows(ArithmeticException.class, () -> full.charge(Money.won(1), UUID.randomUUID(), NOW));
    }

    @Test
    void aPaymentLowersTheBalanceAndWritesAPaymentLineReferencingThePayment() {
        UUID txId = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();

        Wallet.Change change = holding(1_000).pay(Money.won(300), txId, paymentId, NOW);

        assertEquals(Money.won(700), change.wallet().balance());
        WalletTransaction entry = change.entry();
        assertEquals(txId, entry.id());
        assertEquals(TransactionType.PAYMENT, entry.type());
        assertEquals(Money.won(300), entry.amount());
        assertEquals(Money.won(700), entry.balanceAfter());
        assertEquals(paymentId, entry.referenceId());
        assertEquals(NOW, entry.createdAt());
    }

    @Test
    void payingTheWholeBalanceLeavesZero() {
        Wallet.Change change = holding(1_000).pay(Money.won(1_000), UUID.randomUUID(), UUID.randomUUID(), NOW);

        assertEquals(Money.ZERO, change.wallet().balance());
    }

    @Test
    void payingMoreThanTheBalanceIsRefusedWithBalanceAndRequiredAmount() {
        Wallet before = holding(999);

        InsufficientBalanceException e = assertThrows(
                InsufficientBalanceException.class,
                () -> before.pay(Money.won(1_000), UUID.randomUUID(), UUID.randomUUID(), NOW));

        assertEquals(Money.won(999), e.balance());
        assertEquals(Money.won(1_000), e.required());
        assertEquals("the wallet holds 999 won but 1000 won are needed", e.getMessage());
        assertEquals(Money.won(999), before.balance());
    }

    @Test
    void anEmptyWalletCannotPay() {
        InsufficientBalanceException e = assertThrows(
                InsufficientBalanceException.class,
                () -> Wallet.empty(ALICE).pay(Money.won(1), UUID.randomUUID(), UUID.randomUUID(), NOW));

        assertEquals(Money.ZERO, e.balance());
    }

    @Test
    void canPayTellsWhetherTheBalanceCoversTheAmount() {
        assertTrue(holding(100).canPay(Money.won(99)));
        assertTrue(holding(100).canPay(Money.won(100)));
        assertFalse(holding(100).canPay(Money.won(101)));
    }

    @Test
    void userAndBalanceAreRequired() {
        assertThrows(NullPointerException.class, () -> new Wallet(null, Money.ZERO));
        assertThrows(NullPointerException.class, () -> new Wallet(ALICE, null));
    }

    @Test
    void aStoresReportOfAChangeIsTheChangeTheDomainMakes() {
        UUID line = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        Wallet wallet = new Wallet(ALICE, Money.won(1_000));

        assertEquals(
                wallet.pay(Money.won(400), line, payment, NOW),
                Wallet.Change.paid(ALICE, Money.won(400), Money.won(600), line, payment, NOW));
        assertEquals(
                wallet.charge(Money.won(400), line, NOW),
                Wallet.Change.charged(ALICE, Money.won(400), Money.won(1_400), line, NOW));
    }
}
