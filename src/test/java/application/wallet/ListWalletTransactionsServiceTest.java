package application.wallet;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.TestBed;
import application.wallet.port.in.ListWalletTransactionsUseCase;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListWalletTransactionsServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private ListWalletTransactionsService service;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        service = new ListWalletTransactionsService(bed.wallets);
    }

    private void chargeAMinuteApart(UserId userId, long... amounts) {
        for (long amount : amounts) {
            bed.fund(userId, amount);
            bed.clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void linesComeNewestFirst() {
        chargeAMinuteApart(ALICE, 100, 200, 300);
        bed.wallets.pay(ALICE, Money.won(50), UUID.randomUUID(), UUID.randomUUID(), bed.now());

        List<WalletTransaction> lines = service.list(ALICE, 10);

        assertEquals(
                List.of(50L, 300L, 200L, 100L),
                lines.stream().map(t -> t.amount().won()).toList());
        assertEquals(
                List.of(550L, 600L, 300L, 100L),
                lines.stream().map(t -> t.balanceAfter().won()).toList());
    }

    @Test
    void theLimitKeepsTheNewestLines() {
        chargeAMinuteApart(ALICE, 100, 200, 300);

        List<WalletTransaction> lines = service.list(ALICE, 2);

        assertEquals(
                List.of(300L, 200L), lines.stream().map(t -> t.amount().won()).toList());
    }

    @Test
    void onlyTheCallersLinesAreListed() {
        chargeAMinuteApart(ALICE, 100);
        chargeAMinuteApart(BOB, 999);

        List<WalletTransaction> lines = service.list(ALICE, 10);

        assertEquals(1, lines.size());
        assertEquals(ALICE, lines.getFirst().userId());
    }

    @Test
    void aUserWhoNeverChargedHasAnEmptyLedger() {
        assertTrue(service.list(ALICE, 10).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, ListWalletTransactionsUseCase.MAX_LIMIT})
    void limitsFromOneToFiveHundredAreAccepted(int limit) {
        chargeAMinuteApart(ALICE, 100, 200);

        assertEquals(Math.min(limit, 2), service.list(ALICE, limit).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, ListWalletTransactionsUseCase.MAX_LIMIT + 1})
    void limitsOutsideOneToFiveHundredAreRejected(int limit) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> service.list(ALICE, limit));

        assertEquals("limit", e.field());
    }

    @Test
    void getWalletShowsTheBalanceOrAnEmptyWallet() {
        GetWalletService wallets = new GetWalletService(bed.wallets);
        chargeAMinuteApart(ALICE, 100, 200);

        assertEquals(new Wallet(ALICE, Money.won(300)), wallets.get(ALICE));
        assertEquals(Wallet.empty(BOB), wallets.get(BOB));
    }
}
