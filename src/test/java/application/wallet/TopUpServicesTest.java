package application.wallet;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.fakes.FakePaymentGateway;
import application.fakes.TestBed;
import application.shared.IdempotencyConflictException;
import application.shared.NotConfiguredException;
import application.wallet.port.in.ChargeWalletUseCase;
import application.wallet.port.out.PaymentGateway.Answer;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import domain.topup.PaymentAlreadyUsedException;
import domain.topup.PaymentDeclinedException;
import domain.topup.TopUp;
import domain.topup.TopUpOrderRefusedException;
import domain.topup.TopUpStatus;
import domain.wallet.TransactionType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PG top-ups with in-memory ports: charge (confirm), settle, and the status query. */
class TopUpServicesTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");
    private static final Answer APPROVED_5000 = new Answer.Approved(Money.won(5_000), null);

    private TestBed bed;
    private FakePaymentGateway pg;
    private SettleTopUpService settle;
    private ChargeWalletService charge;
    private GetTopUpService getTopUp;
    private CreateTopUpOrderService orders;
    private final java.util.Map<String, String> orderIds = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        pg = new FakePaymentGateway("toss", "kcp");
        settle = new SettleTopUpService(bed.topUps, bed.wallets, bed.outbox, bed.clock);
        charge = new ChargeWalletService(
                new ChargeSteps(bed.wallets, bed.idempotency, bed.outbox, bed.topUps, bed.topUpOrders, bed.clock),
                pg,
                settle,
                bed.wallets,
                bed.walletSettings);
        getTopUp = new GetTopUpService(bed.topUps, pg, settle);
        orders = new CreateTopUpOrderService(bed.topUpOrders, bed.walletSettings, bed.clock, pg);
    }

    /** The caller's order for this payment (one per user, amount and payment key), opened on first use. */
    private String orderFor(UserId userId, long amount, String paymentKey) {
        return orderIds.computeIfAbsent(
                userId + "|" + amount + "|" + paymentKey,
                k -> orders.create(userId, amount).id());
    }

    private ChargeWalletUseCase.Result topUp(UserId userId, long amount, String key, String paymentKey) {
        return topUpWithOrder(userId, amount, key, paymentKey, orderFor(userId, amount, paymentKey));
    }

    private ChargeWalletUseCase.Result topUpWithOrder(
            UserId userId, long amount, String key, String paymentKey, String orderId) {
        return charge.charge(new ChargeWalletUseCase.Command(
                userId, amount, key, new ChargeWalletUseCase.GatewayPayment("toss", paymentKey, orderId)));
    }

    @Test
    void noOrderIsOpenedWhenNoGatewayCouldPayIt() {
        CreateTopUpOrderService withoutGateway =
                new CreateTopUpOrderService(bed.topUpOrders, bed.walletSettings, bed.clock, new FakePaymentGateway());

        NotConfiguredException refused =
                assertThrows(NotConfiguredException.class, () -> withoutGateway.create(ALICE, 5_000));

        assertEquals("top-ups-not-configured", refused.slug());
        assertEquals(0, bed.topUpOrders.lockUserAndCountOpen(ALICE, bed.clock.instant()));
    }

    @Test
    void anApprovedPaymentCreditsTheWalletOnceAndRecordsTheTopUp() {
        pg.onConfirm("pk-1", APPROVED_5000);

        ChargeWalletUseCase.Result result = topUp(ALICE, 5_000, "k1", "pk-1");

        assertEquals(TopUpStatus.APPROVED, result.topUp().status());
        assertEquals(result.topUp().transactionId(), result.transaction().id());
        assertEquals(TransactionType.CHARGE, result.transaction().type());
        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(List.of("WalletCharged"), bed.outbox.types());
        assertEquals(List.of("confirm toss/pk-1 5000"), pg.calls());
    }

    @Test
    void aDeclinedPaymentCreditsNothingAndClosesTheTopUp() {
        pg.onConfirm("pk-1", new Answer.Refused(TopUpStatus.DECLINED, "REJECT_CARD_COMPANY", "limit exceeded"));

        PaymentDeclinedException e =
                assertThrows(PaymentDeclinedException.class, () -> topUp(ALICE, 5_000, "k1", "pk-1"));

        assertEquals("REJECT_CARD_COMPANY", e.code());
        TopUp stored = bed.topUps.findById(e.topUpId()).orElseThrow();
        assertEquals(TopUpStatus.DECLINED, stored.status());
        assertEquals("limit exceeded", stored.failureMessage());
        assertEquals(0, bed.balanceOf(ALICE));
        assertTrue(bed.outbox.types().isEmpty());
        PaymentDeclinedException replay =
                assertThrows(PaymentDeclinedException.class, () -> topUp(ALICE, 5_000, "k1", "pk-1"));
        assertEquals(e.topUpId(), replay.topUpId());
        assertEquals(1, pg.calls().size(), "a replay does not ask the PG again");
    }

    @Test
    void noAnswerLeavesThePaymentPendingUntilTheStatusQuerySettlesIt() {
        ChargeWalletUseCase.Result result = topUp(ALICE, 5_000, "k1", "pk-1");

        assertTrue(result.pending());
        assertNull(result.transaction());
        assertEquals(0, bed.balanceOf(ALICE));
        assertEquals(
                TopUpStatus.PENDING, getTopUp.get(ALICE, result.topUp().id()).status());

        pg.onStatus("pk-1", APPROVED_5000);
        TopUp settled = getTopUp.get(ALICE, result.topUp().id());
        TopUp again = getTopUp.get(ALICE, result.topUp().id());

        assertEquals(TopUpStatus.APPROVED, settled.status());
        assertEquals(settled, again);
        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(1, bed.wallets.ledger().size());
        assertEquals(
                List.of("confirm toss/pk-1 5000", "status toss/pk-1", "status toss/pk-1"),
                pg.calls(),
                "a settled top-up is not asked about again");
    }

    @Test
    void aReplayReturnsTheSameTopUpAndLedgerLineWithoutAskingThePgAgain() {
        pg.onConfirm("pk-1", APPROVED_5000);
        ChargeWalletUseCase.Result first = topUp(ALICE, 5_000, "k1", "pk-1");

        ChargeWalletUseCase.Result replay = topUp(ALICE, 5_000, "k1", "pk-1");

        assertTrue(replay.replayed());
        assertEquals(first.transaction(), replay.transaction());
        assertEquals(first.topUp(), replay.topUp());
        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(1, pg.calls().size());
        assertThrows(IdempotencyConflictException.class, () -> topUp(ALICE, 5_000, "k1", "pk-2"));
        assertThrows(IdempotencyConflictException.class, () -> topUp(ALICE, 6_000, "k1", "pk-1"));
    }

    @Test
    void aPaymentKeyUsedByAnotherRequestIsRefusedAndLeavesTheKeyFree() {
        pg.onConfirm("pk-1", APPROVED_5000);
        topUp(ALICE, 5_000, "k1", "pk-1");

        String newOrder = orders.create(ALICE, 5_000).id();
        assertThrows(
                PaymentAlreadyUsedException.class,
                () -> bed.tx.call(() -> topUpWithOrder(ALICE, 5_000, "k2", "pk-1", newOrder)));
        assertThrows(PaymentAlreadyUsedException.class, () -> bed.tx.call(() -> topUp(BOB, 5_000, "k1", "pk-1")));

        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(0, bed.balanceOf(BOB));
        pg.onConfirm("pk-2", APPROVED_5000);
        assertFalse(topUp(ALICE, 5_000, "k2", "pk-2").replayed(), "the refused request's key was not used up");
    }

    @Test
    void withAPgConfiguredAChargeNeedsAPaymentFromAKnownProvider() {
        InvalidValueException missing = assertThrows(
                InvalidValueException.class, () -> charge.charge(new ChargeWalletUseCase.Command(ALICE, 5_000, "k1")));
        InvalidValueException unknown = assertThrows(
                InvalidValueException.class,
                () -> charge.charge(new ChargeWalletUseCase.Command(
                        ALICE, 5_000, "k1", new ChargeWalletUseCase.GatewayPayment("paypal", "pk-1", "order-1"))));

        assertEquals("payment", missing.field());
        assertEquals("payment.provider", unknown.field());
        assertTrue(pg.calls().isEmpty());
        assertTrue(bed.topUps.all().isEmpty());
        assertEquals(0, bed.idempotency.size());
    }

    @Test
    void aPgReportingAnotherAmountLeavesTheTopUpPending() {
        pg.onConfirm("pk-1", new Answer.Approved(Money.won(4_999), null));

        ChargeWalletUseCase.Result result = topUp(ALICE, 5_000, "k1", "pk-1");

        assertTrue(result.pending());
        assertEquals(0, bed.balanceOf(ALICE));
    }

    @Test
    void settlingAgainChangesNothing() {
        TopUp pending = topUp(ALICE, 5_000, "k1", "pk-1").topUp();

        TopUp approved = settle.settle("toss", "pk-1", TopUpStatus.APPROVED).orElseThrow();
        TopUp approvedAgain =
                settle.settle("toss", "pk-1", TopUpStatus.APPROVED).orElseThrow();
        TopUp notCancelled =
                settle.settle("toss", "pk-1", TopUpStatus.CANCELLED).orElseThrow();

        assertEquals(pending.id(), approved.id());
        assertEquals(approved, approvedAgain);
        assertEquals(TopUpStatus.APPROVED, notCancelled.status());
        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(List.of("WalletCharged"), bed.outbox.types());
        assertTrue(settle.settle("toss", "no-such-key", TopUpStatus.APPROVED).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> settle.settle("toss", "pk-1", TopUpStatus.PENDING));
    }

    @Test
    void aCancelledPaymentClosesThePendingTopUpWithTheReconciliationsWord() {
        TopUp pending = topUp(ALICE, 5_000, "k1", "pk-1").topUp();

        TopUp cancelled = settle.settle("toss", "pk-1", TopUpStatus.CANCELLED).orElseThrow();

        assertEquals(TopUpStatus.CANCELLED, cancelled.status());
        assertEquals(pending.id(), cancelled.id());
        assertEquals(0, bed.balanceOf(ALICE));
    }

    @Test
    void concurrentSettlementsCreditOnce() throws Exception {
        topUp(ALICE, 5_000, "k1", "pk-1");
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TopUp>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return settle.settle("toss", "pk-1", TopUpStatus.APPROVED).orElseThrow();
                }));
            }
            start.countDown();
            for (Future<TopUp> result : results) {
                assertEquals(TopUpStatus.APPROVED, result.get().status());
            }
        }
        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(1, bed.wallets.ledger().size());
    }

    @Test
    void someoneElsesTopUpIsNotFound() {
        TopUp alices = topUp(ALICE, 5_000, "k1", "pk-1").topUp();

        assertThrows(NotFoundException.class, () -> getTopUp.get(BOB, alices.id()));
        assertEquals(List.of("confirm toss/pk-1 5000"), pg.calls(), "no status query for someone else's top-up");
    }

    @Test
    void aPaymentIsAcceptedOnlyForTheCallersOwnOpenOrderOfTheSameAmountOnce() {
        pg.onConfirm("pk-1", APPROVED_5000);
        pg.onConfirm("pk-2", APPROVED_5000);
        String alices = orders.create(ALICE, 5_000).id();

        assertThrows(
                NotFoundException.class,
                () -> bed.tx.call(() -> topUpWithOrder(BOB, 5_000, "k1", "pk-1", alices)),
                "someone else's order");
        assertThrows(
                NotFoundException.class,
                () -> bed.tx.call(() -> topUpWithOrder(ALICE, 5_000, "k1", "pk-1", "ord_no-such-order")));
        TopUpOrderRefusedException mismatch = assertThrows(
                TopUpOrderRefusedException.class,
                () -> bed.tx.call(() -> topUpWithOrder(ALICE, 4_000, "k1", "pk-1", alices)));
        assertEquals(TopUpOrderRefusedException.Reason.AMOUNT_MISMATCH, mismatch.reason());
        assertTrue(pg.calls().isEmpty(), "a refused order never reaches the PG");
        assertTrue(bed.topUps.all().isEmpty());
        assertEquals(0, bed.idempotency.size(), "the refused requests' keys were not used up");

        assertEquals(
                TopUpStatus.APPROVED,
                topUpWithOrder(ALICE, 5_000, "k1", "pk-1", alices).topUp().status());
        TopUpOrderRefusedException used = assertThrows(
                TopUpOrderRefusedException.class,
                () -> bed.tx.call(() -> topUpWithOrder(ALICE, 5_000, "k2", "pk-2", alices)));
        assertEquals(TopUpOrderRefusedException.Reason.USED, used.reason());
        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(0, bed.balanceOf(BOB));
        assertEquals(List.of("confirm toss/pk-1 5000"), pg.calls());
    }

    @Test
    void anExpiredOrderIsRefused() {
        String order = orders.create(ALICE, 5_000).id();
        bed.clock.advance(java.time.Duration.ofMinutes(30));

        TopUpOrderRefusedException expired = assertThrows(
                TopUpOrderRefusedException.class,
                () -> bed.tx.call(() -> topUpWithOrder(ALICE, 5_000, "k1", "pk-1", order)));

        assertEquals(TopUpOrderRefusedException.Reason.EXPIRED, expired.reason());
        assertTrue(pg.calls().isEmpty());
    }

    @Test
    void aUserHoldsAtMostTheConfiguredNumberOfOpenOrdersAndOrderIdsAreRandom() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < bed.walletSettings.maxOpenTopUpOrders(); i++) {
            ids.add(orders.create(ALICE, 1_000).id());
        }

        TopUpOrderRefusedException tooMany =
                assertThrows(TopUpOrderRefusedException.class, () -> orders.create(ALICE, 1_000));

        assertEquals(TopUpOrderRefusedException.Reason.TOO_MANY_OPEN, tooMany.reason());
        assertEquals(bed.walletSettings.maxOpenTopUpOrders(), ids.size());
        for (String id : ids) {
            assertTrue(id.matches("ord_[A-Za-z0-9_-]{22}"), id);
        }
        orders.create(BOB, 1_000);
        bed.clock.advance(java.time.Duration.ofMinutes(30));
        orders.create(ALICE, 1_000);
    }

    @Test
    void withDirectChargesOffAChargeWithoutAPaymentIsRefusedAndCreditsNothing() {
        ChargeWalletService noPg = new ChargeWalletService(
                new ChargeSteps(bed.wallets, bed.idempotency, bed.outbox, bed.topUps, bed.topUpOrders, bed.clock),
                new FakePaymentGateway(),
                settle,
                bed.wallets,
                new WalletSettings(
                        false,
                        java.time.Duration.ofMinutes(30),
                        5,
                        java.time.Duration.ofDays(7),
                        java.time.Duration.ofMinutes(2),
                        100));

        InvalidValueException refused = assertThrows(
                InvalidValueException.class, () -> noPg.charge(new ChargeWalletUseCase.Command(ALICE, 5_000, "k1")));

        assertEquals("payment", refused.field());
        assertEquals(0, bed.balanceOf(ALICE));
        assertEquals(0, bed.idempotency.size());
    }

    @Test
    void theSweeperSettlesOldPendingTopUpsOnceAndCountsWhatItFound() {
        java.util.List<application.wallet.port.out.SweepMetrics.Outcome> seen = new java.util.ArrayList<>();
        SweepPendingTopUpsService sweeper =
                new SweepPendingTopUpsService(bed.topUps, pg, settle, seen::add, bed.walletSettings, bed.clock);
        topUp(ALICE, 5_000, "k1", "pk-1");
        topUp(ALICE, 5_000, "k2", "pk-2");
        topUp(BOB, 5_000, "k3", "pk-3");
        pg.onStatus("pk-1", APPROVED_5000);
        pg.onStatus("pk-2", new Answer.Refused(TopUpStatus.CANCELLED, "CANCELED", "cancelled"));

        assertEquals(0, sweeper.sweep(), "younger than wallet.pending-sweep.after");
        bed.clock.advance(java.time.Duration.ofMinutes(2).plusSeconds(1));
        assertEquals(3, sweeper.sweep());
        assertEquals(1, sweeper.sweep(), "only the one the PG has not decided is asked about again");

        assertEquals(5_000, bed.balanceOf(ALICE));
        assertEquals(0, bed.balanceOf(BOB));
        assertEquals(1, bed.wallets.ledger().size());
        assertEquals(4, seen.size());
        assertEquals(
                1,
                seen.stream()
                        .filter(o -> o == application.wallet.port.out.SweepMetrics.Outcome.APPROVED)
                        .count());
        assertEquals(
                1,
                seen.stream()
                        .filter(o -> o == application.wallet.port.out.SweepMetrics.Outcome.CANCELLED)
                        .count());
        assertEquals(
                2,
                seen.stream()
                        .filter(o -> o == application.wallet.port.out.SweepMetrics.Outcome.STILL_PENDING)
                        .count());
    }

    @Test
    void ordersAreForgottenOnceTheirRetentionAfterExpiryIsOver() {
        ForgetTopUpOrdersService forget = new ForgetTopUpOrdersService(bed.topUpOrders, bed.walletSettings, bed.clock);
        String old = orders.create(ALICE, 1_000).id();
        bed.clock.advance(java.time.Duration.ofDays(7));
        String recent = orders.create(ALICE, 1_000).id();

        assertEquals(0, forget.forgetBatch(100), "expired 7 days minus 30 minutes ago: kept");
        bed.clock.advance(java.time.Duration.ofMinutes(31));
        assertEquals(1, forget.forgetBatch(100));

        assertTrue(bed.topUpOrders.find(old).isEmpty());
        assertTrue(bed.topUpOrders.find(recent).isPresent());
    }
}
