package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.wallet.port.out.WalletStore;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.InsufficientBalanceException;
import domain.wallet.TransactionType;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link WalletStore}: each change applied atomically under the domain's rule, with its ledger line
 * in the same transaction. The store decides "the balance never goes below zero" in one conditional
 * statement; {@link #aPaymentGoesThroughExactlyWhenTheDomainSaysTheWalletCanPay} holds that
 * statement to {@link Wallet#canPay} on a table of balances and amounts.
 */
public abstract class WalletStoreContract extends PortContract<WalletStore> {
    protected WalletStoreContract(Supplier<Stores> implementations) {
        super(implementations, Stores::wallets);
    }

    private static UserId newUser() {
        return new UserId("contract-" + UUID.randomUUID());
    }

    private Wallet.Change charge(UserId user, long won, Instant at) {
        return tx().call(() -> store().charge(user, Money.won(won), UUID.randomUUID(), at));
    }

    private Wallet.Change pay(UserId user, long won) {
        return tx().call(() -> store().pay(user, Money.won(won), UUID.randomUUID(), UUID.randomUUID(), NOW));
    }

    private long balance(UserId user) {
        return tx().call(() -> store().load(user)).balance().won();
    }

    /** The change is what the domain says it is, and both the balance and the line are stored. */
    private void assertStored(Wallet.Change change, Wallet after, WalletTransaction line) {
        assertEquals(new Wallet.Change(after, line), change);
        assertEquals(after, tx().call(() -> store().load(after.userId())));
        assertEquals(line, tx().call(() -> store().transaction(line.id())).orElseThrow());
    }

    @Test
    void aUserWhoNeverChargedHasAnEmptyWallet() {
        UserId user = newUser();

        assertEquals(Wallet.empty(user), tx().call(() -> store().load(user)));
        assertEquals(List.of(), tx().call(() -> store().history(user, 10)));
    }

    @Test
    void aChargeAddsAndWritesItsLedgerLine() {
        UserId user = newUser();
        charge(user, 3_000, NOW);
        UUID id = UUID.randomUUID();

        Wallet.Change change = tx().call(() -> store().charge(user, Money.won(2_000), id, NOW));

        assertStored(
                change,
                new Wallet(user, Money.won(5_000)),
                WalletTransaction.charge(id, user, Money.won(2_000), Money.won(5_000), NOW));
    }

    @Test
    void aRefundAddsAndWritesItsRefundLine() {
        UserId user = newUser();
        charge(user, 3_000, NOW);
        pay(user, 2_000);
        UUID id = UUID.randomUUID();
        UUID refund = UUID.randomUUID();

        Wallet.Change change = tx().call(() -> store().refund(user, Money.won(1_500), id, refund, NOW));

        assertStored(
                change,
                new Wallet(user, Money.won(2_500)),
                WalletTransaction.refund(id, user, Money.won(1_500), Money.won(2_500), refund, NOW));
        assertEquals(
                TransactionType.REFUND,
                tx().call(() -> store().history(user, 1)).getFirst().type());
    }

    @Test
    void aPaymentTakesItsAmountAndRecordsItsPayment() {
        UserId user = newUser();
        charge(user, 5_000, NOW);
        UUID id = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();

        Wallet.Change change = tx().call(() -> store().pay(user, Money.won(1_200), id, paymentId, NOW));

        assertStored(
                change,
                new Wallet(user, Money.won(3_800)),
                WalletTransaction.payment(id, user, Money.won(1_200), Money.won(3_800), paymentId, NOW));
    }

    @Test
    void aPaymentTheBalanceDoesNotCoverChangesNothing() {
        UserId user = newUser();
        charge(user, 1_000, NOW);
        UUID id = UUID.randomUUID();

        InsufficientBalanceException refused = assertThrows(
                InsufficientBalanceException.class,
                () -> tx().run(() -> store().pay(user, Money.won(1_001), id, UUID.randomUUID(), NOW)));

        assertEquals(Money.won(1_000), refused.balance());
        assertEquals(Money.won(1_001), refused.required());
        assertEquals(1_000, balance(user));
        assertTrue(tx().call(() -> store().transaction(id)).isEmpty());
        assertEquals(1, tx().call(() -> store().history(user, 10)).size());
    }

    @Test
    void aChangeAndItsLedgerLineRollBackTogether() {
        UserId user = newUser();
        charge(user, 1_000, NOW);
        UUID id = UUID.randomUUID();

        inATransactionThatRollsBack(() -> {
            store().charge(user, Money.won(500), id, NOW);
        });

        assertEquals(1_000, balance(user));
        assertTrue(tx().call(() -> store().transaction(id)).isEmpty());
    }

    @Test
    void historyIsNewestFirstInTheOrderTheChangesAppliedAndLimited() {
        UserId user = newUser();
        UUID first = charge(user, 100, NOW).entry().id();
        UUID second = charge(user, 200, NOW.plusSeconds(1)).entry().id();
        UUID third = pay(user, 50).entry().id();
        UUID fourth = charge(user, 300, NOW.plusSeconds(2)).entry().id();

        List<UUID> newestFirst = tx().call(() -> store().history(user, 10)).stream()
                .map(WalletTransaction::id)
                .toList();
        assertEquals(List.of(fourth, third, second, first), newestFirst, "ledger order, whatever the clocks said");
        assertEquals(2, tx().call(() -> store().history(user, 2)).size());
        assertEquals(
                TransactionType.CHARGE,
                tx().call(() -> store().history(user, 1)).getFirst().type());
    }

    /** (balance, amount): around the boundary, and a wallet that was never charged. */
    static Stream<long[]> balancesAndAmounts() {
        return Stream.of(
                new long[] {0, 1},
                new long[] {1, 1},
                new long[] {1, 2},
                new long[] {100, 99},
                new long[] {100, 100},
                new long[] {100, 101},
                new long[] {10_000_000, 9_999_999},
                new long[] {10_000_000, 10_000_001});
    }

    @ParameterizedTest(name = "balance {0}, amount {1}")
    @MethodSource("balancesAndAmounts")
    void aPaymentGoesThroughExactlyWhenTheDomainSaysTheWalletCanPay(long[] balanceAndAmount) {
        long balance = balanceAndAmount[0];
        long amount = balanceAndAmount[1];
        UserId user = newUser();
        if (balance > 0) {
            charge(user, balance, NOW);
        }
        boolean domainSays = new Wallet(user, Money.won(balance)).canPay(Money.won(amount));

        boolean storePaid;
        try {
            pay(user, amount);
            storePaid = true;
        } catch (InsufficientBalanceException refused) {
            storePaid = false;
        }

        assertEquals(domainSays, storePaid, "Wallet.canPay and the store's conditional debit");
        assertEquals(domainSays ? balance - amount : balance, balance(user));
    }
}
