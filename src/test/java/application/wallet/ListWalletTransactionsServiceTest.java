package application.wallet;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.TestBed;
import application.shared.Page;
import application.shared.PageRequest;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

        List<WalletTransaction> lines =
                service.list(ALICE, PageRequest.first(10)).items();

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

        List<WalletTransaction> lines =
                service.list(ALICE, PageRequest.first(2)).items();

        assertEquals(
                List.of(300L, 200L), lines.stream().map(t -> t.amount().won()).toList());
    }

    @Test
    void onlyTheCallersLinesAreListed() {
        chargeAMinuteApart(ALICE, 100);
        chargeAMinuteApart(BOB, 999);

        List<WalletTransaction> lines =
                service.list(ALICE, PageRequest.first(10)).items();

        assertEquals(1, lines.size());
        assertEquals(ALICE, lines.getFirst().userId());
    }

    @Test
    void aUserWhoNeverChargedHasAnEmptyLedger() {
        assertTrue(service.list(ALICE, PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void followingNextReadsEveryLineOnceEvenWhileNewLinesArrive() {
        chargeAMinuteApart(ALICE, 1, 2, 3, 4, 5);

        Page<WalletTransaction> first = service.list(ALICE, PageRequest.first(2));
        chargeAMinuteApart(ALICE, 6, 7);
        Page<WalletTransaction> second =
                service.list(ALICE, new PageRequest(2, first.next().orElseThrow()));
        Page<WalletTransaction> third =
                service.list(ALICE, new PageRequest(2, second.next().orElseThrow()));

        assertEquals(
                List.of(5L, 4L, 3L, 2L, 1L),
                Stream.of(first, second, third)
                        .flatMap(p -> p.items().stream())
                        .map(t -> t.amount().won())
                        .toList());
        assertTrue(third.next().isEmpty());
    }

    @Test
    void getWalletShowsTheBalanceOrAnEmptyWallet() {
        GetWalletService wallets = new GetWalletService(bed.wallets);
        chargeAMinuteApart(ALICE, 100, 200);

        assertEquals(new Wallet(ALICE, Money.won(300)), wallets.get(ALICE));
        assertEquals(Wallet.empty(BOB), wallets.get(BOB));
    }
}
