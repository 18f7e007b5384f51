package application.wallet;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.FakePaymentGateway;
import application.fakes.TestBed;
import application.shared.IdempotencyConflictException;
import application.wallet.port.in.ChargeWalletUseCase;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.TransactionType;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChargeWalletServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private ChargeWalletService service;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        // no PG configured: a charge needs no payment, as in dev
        service = bed.chargeWallet(new FakePaymentGateway());
    }

    private ChargeWalletUseCase.Result charge(UserId userId, long amount, String key) {
        return bed.tx.call(() -> service.charge(new ChargeWalletUseCase.Command(userId, amount, key)));
    }

    @Test
    void aChargeRaisesTheBalanceAndReturnsItsLedgerLine() {
        bed.fund(ALICE, 1_000);

        ChargeWalletUseCase.Result result = charge(ALICE, 5_000, "top-up-1");

        WalletTransaction line = result.transaction();
        assertFalse(result.replayed());
        assertEquals(TransactionType.CHARGE, line.type());
        assertEquals(Money.won(5_000), line.amount());
        assertEquals(Money.won(6_000), line.balanceAfter());
        assertEquals(bed.now(), line.createdAt());
        assertEquals(6_000, bed.balanceOf(ALICE));
        assertEquals(line, bed.wallets.transaction(line.id()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, Wallet.MAX_CHARGE})
    void theSmallestAndLargestChargesAreAccepted(long amount) {
        charge(ALICE, amount, "k");

        assertEquals(amount, bed.balanceOf(ALICE));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -500, Wallet.MAX_CHARGE + 1})
    void chargesOutOfBoundsAreRejectedWithoutUsingTheKey(long amount) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> charge(ALICE, amount, "k"));

        assertEquals("amount", e.field());
        assertEquals(0, bed.balanceOf(ALICE));
        assertEquals(0, bed.idempotency.size());
        assertFalse(charge(ALICE, 100, "k").replayed());
    }

    @Test
    void aReplayWithTheSameKeyAndAmountReturnsTheFirstLineAndChargesOnce() {
        WalletTransaction first = charge(ALICE, 5_000, "top-up-1").transaction();
        bed.clock.advance(Duration.ofMinutes(1));

        ChargeWalletUseCase.Result replay = charge(ALICE, 5_000, "top-up-1");

        assertTrue(replay.replayed());
        assertEquals(first, replay.transaction());
        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(1, bed.wallets.ledger().size());
    }

    @Test
    void theSameKeyWithAnotherAmountIsAConflict() {
        charge(ALICE, 5_000, "top-up-1");

        assertThrows(IdempotencyConflictException.class, () -> charge(ALICE, 6_000, "top-up-1"));

        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(1, bed.wallets.ledger().size());
    }

    @Test
    void differentKeysChargeEachTime() {
        WalletTransaction first = charge(ALICE, 5_000, "top-up-1").transaction();
        WalletTransaction second = charge(ALICE, 5_000, "top-up-2").transaction();

        assertNotEquals(first.id(), second.id());
        assertEquals(10_000, bed.balanceOf(ALICE));
    }

    @Test
    void keysAreScopedToTheirUser() {
        charge(ALICE, 5_000, "top-up-1");

        ChargeWalletUseCase.Result bobs = charge(BOB, 7_000, "top-up-1");

        assertFalse(bobs.replayed());
        assertEquals(7_000, bed.balanceOf(BOB));
        assertEquals(5_000, bed.balanceOf(ALICE));
    }

    @Test
    void aMalformedKeyIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> charge(ALICE, 100, ""));

        assertEquals("Idempotency-Key", e.field());
        assertEquals(0, bed.balanceOf(ALICE));
    }
}
