package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.wallet.port.out.TopUpStore;
import application.wallet.port.out.TopUpStore.PendingKey;
import domain.shared.Money;
import domain.shared.UserId;
import domain.topup.PaymentAlreadyUsedException;
import domain.topup.TopUp;
import domain.topup.TopUpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link TopUpStore}: a PG payment is recorded once, and a top-up settles once, while it is still
 * PENDING ({@link TopUp#isPending}, which the store spells in its conditional UPDATE).
 */
public abstract class TopUpStoreContract extends PortContract<TopUpStore> {
    protected TopUpStoreContract(Supplier<Stores> implementations) {
        super(implementations, Stores::topUps);
    }

    /** Every top-up here is created before this. */
    private static final Instant CLEAN_UP_BEFORE = NOW.plus(Duration.ofDays(365));

    private static final String PROVIDER = "contract";

    /**
     * No top-up of these cases stays PENDING: the other tests' sweeper (which asks the PGs about
     * every old PENDING top-up) never meets one, and each case pages through its own alone.
     */
    @BeforeEach
    @AfterEach
    void closeWhatOtherCasesLeftPending() {
        List<TopUp> left;
        do {
            left = tx().call(() -> store().pendingCreatedBefore(CLEAN_UP_BEFORE, null, 100));
            for (TopUp pending : left) {
                tx().call(() -> store().settle(pending.close(TopUpStatus.CANCELLED, "contract", "clean-up"), NOW));
            }
        } while (!left.isEmpty());
    }

    private static TopUp pending(Instant createdAt) {
        return pending(UUID.randomUUID(), createdAt);
    }

    private static TopUp pending(UUID id, Instant createdAt) {
        return TopUp.pending(
                id,
                new UserId("contract-" + UUID.randomUUID()),
                PROVIDER,
                "pk-" + UUID.randomUUID(),
                "ord_" + UUID.randomUUID(),
                Money.won(10_000),
                createdAt);
    }

    /** Another top-up, of another order, that names the same PG payment. */
    private static TopUp samePayment(TopUp first) {
        return TopUp.pending(
                UUID.randomUUID(),
                first.userId(),
                first.provider(),
                first.paymentKey(),
                "ord_" + UUID.randomUUID(),
                first.amount(),
                first.createdAt());
    }

    private TopUp inserted(TopUp topUp) {
        tx().run(() -> store().insert(topUp));
        return topUp;
    }

    private Optional<TopUp> find(UUID id) {
        return tx().call(() -> store().findById(id));
    }

    @Test
    void aPendingTopUpIsFoundByIdAndByItsPayment() {
        TopUp topUp = inserted(pending(NOW));

        assertEquals(Optional.of(topUp), find(topUp.id()));
        assertEquals(Optional.of(topUp), tx().call(() -> store().findByPayment(PROVIDER, topUp.paymentKey())));
        assertTrue(find(UUID.randomUUID()).isEmpty());
        assertTrue(tx().call(() -> store().findByPayment("other", topUp.paymentKey()))
                .isEmpty());
    }

    @Test
    void aPaymentIsRecordedOnce() {
        TopUp first = inserted(pending(NOW));
        TopUp again = samePayment(first);

        PaymentAlreadyUsedException refused =
                assertThrows(PaymentAlreadyUsedException.class, () -> tx().run(() -> store().insert(again)));

        assertEquals(first.paymentKey(), refused.paymentKey());
        assertTrue(find(again.id()).isEmpty());
        assertEquals(Optional.of(first), find(first.id()));
    }

    @Test
    void aConcurrentInsertOfTheSamePaymentWaitsAndFailsIfTheFirstCommitted() throws Exception {
        TopUp first = pending(NOW);
        TopUp second = samePayment(first);

        Exception failed = assertThrows(
                Exception.class,
                () -> Turns.secondWaitsForFirst(tx(), () -> store().insert(first), () -> {
                    store().insert(second);
                    return null;
                }));

        assertTrue(
                failed.getCause() instanceof PaymentAlreadyUsedException, "the second insert was refused: " + failed);
        assertTrue(find(second.id()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TopUpStatus.class)
    void aTopUpSettlesExactlyWhenTheDomainSaysItIsPending(TopUpStatus stored) {
        TopUp topUp = inserted(pending(NOW));
        TopUp before = switch (stored) {
            case PENDING -> topUp;
            case APPROVED -> topUp.approve(UUID.randomUUID(), NOW.plusSeconds(1));
            case DECLINED, CANCELLED -> topUp.close(stored, "code", "message");
        };
        if (stored != TopUpStatus.PENDING) {
            assertTrue(tx().call(() -> store().settle(before, NOW.plusSeconds(1))));
        }
        assertEquals(Optional.of(before), find(topUp.id()));
        TopUp declined = topUp.close(TopUpStatus.DECLINED, "LIMIT", "over the card's limit");

        boolean settled = tx().call(() -> store().settle(declined, NOW.plusSeconds(2)));

        assertEquals(before.isPending(), settled, "TopUp.isPending and the store's conditional update");
        assertEquals(Optional.of(settled ? declined : before), find(topUp.id()));
    }

    @Test
    void aReadAfterASettleInTheSameTransactionSeesTheSettledTopUp() {
        TopUp topUp = inserted(pending(NOW));
        TopUp approved = topUp.approve(UUID.randomUUID(), NOW.plusSeconds(1));

        TopUp read = tx().call(() -> {
            store().findById(topUp.id());
            store().settle(approved, NOW.plusSeconds(1));
            return store().findById(topUp.id()).orElseThrow();
        });

        assertEquals(approved, read);
    }

    @Test
    void pendingTopUpsArePagedInCreationOrderBeforeTheCutoff() {
        Instant t = NOW.plusSeconds(10);
        UUID random = UUID.randomUUID();
        // a uuid's first byte 0x80 or more sorts after 0x7f in the database (unsigned), before it in Java
        TopUp highFirstByte = inserted(pending(
                new UUID(random.getMostSignificantBits() | Long.MIN_VALUE, random.getLeastSignificantBits()), t));
        TopUp lowFirstByte = inserted(pending(
                new UUID(random.getMostSignificantBits() & Long.MAX_VALUE, random.getLeastSignificantBits()), t));
        List<TopUp> sameInstant = List.of(lowFirstByte, highFirstByte);
        TopUp oldest = inserted(pending(t.minusSeconds(1)));
        TopUp settled = inserted(pending(t.minusSeconds(2)));
        tx().call(() -> store().settle(settled.close(TopUpStatus.DECLINED, null, null), t));
        inserted(pending(t.plusSeconds(1)));
        inserted(pending(t.plusSeconds(2)));

        Instant cutoff = t.plusSeconds(1);
        List<TopUp> page1 = tx().call(() -> store().pendingCreatedBefore(cutoff, null, 2));
        TopUp last = page1.getLast();
        List<TopUp> page2 =
                tx().call(() -> store().pendingCreatedBefore(cutoff, new PendingKey(last.createdAt(), last.id()), 2));

        assertEquals(List.of(oldest, sameInstant.get(0)), page1);
        assertEquals(List.of(sameInstant.get(1)), page2, "created at the cutoff or later: not yet");
    }
}
