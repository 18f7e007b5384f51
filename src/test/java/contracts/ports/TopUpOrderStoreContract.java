package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.wallet.port.out.TopUpOrderStore;
import domain.shared.Money;
import domain.shared.UserId;
import domain.topup.TopUp;
import domain.topup.TopUpOrder;
import domain.topup.TopUpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TopUpOrderStore}: orders bound to one top-up at most; a user's open orders counted under
 * that user's turn. "Open at now" is SQL in the store; {@link
 * #openOrdersAreCountedExactlyAsTheDomainReadsEachOrder} holds it to {@link TopUpOrder#isOpen} at an
 * order's expiry instant and a millisecond and a microsecond either side.
 */
public abstract class TopUpOrderStoreContract extends PortContract<TopUpOrderStore> {
    protected TopUpOrderStoreContract(Supplier<Stores> implementations) {
        super(implementations, Stores::topUpOrders);
    }

    private static final Duration TTL = Duration.ofMinutes(30);
    private static final Instant EXPIRY = NOW.plus(TTL);
    /** Every order here expires before this. */
    private static final Instant CLEAN_UP_BEFORE = NOW.plus(Duration.ofDays(365));

    private final List<TopUp> topUpsMade = new ArrayList<>();

    @BeforeEach
    void forgetWhatOtherCasesLeft() {
        tx().call(() -> store().forgetExpiredBefore(CLEAN_UP_BEFORE, Integer.MAX_VALUE));
    }

    /** The sweeper of the other tests never meets a PENDING top-up of ours. */
    @AfterEach
    void closeTheTopUpsMade() {
        for (TopUp topUp : topUpsMade) {
            tx().call(() -> stores().topUps().settle(topUp.close(TopUpStatus.CANCELLED, "contract", "clean-up"), NOW));
        }
    }

    private static UserId newUser() {
        return new UserId("contract-" + UUID.randomUUID());
    }

    private TopUpOrder order(UserId user, Instant createdAt) {
        TopUpOrder order = TopUpOrder.open("ord_" + UUID.randomUUID(), user, Money.won(5_000), createdAt, TTL);
        tx().run(() -> store().insert(order));
        return order;
    }

    private TopUp topUpFor(TopUpOrder order) {
        TopUp topUp = TopUp.pending(
                UUID.randomUUID(),
                order.userId(),
                "contract",
                "pk-" + UUID.randomUUID(),
                order.id(),
                order.amount(),
                NOW);
        tx().run(() -> stores().topUps().insert(topUp));
        topUpsMade.add(topUp);
        return topUp;
    }

    private Optional<TopUpOrder> find(String id) {
        return tx().call(() -> store().find(id));
    }

    @Test
    void anOrderIsFoundByItsId() {
        TopUpOrder order = order(newUser(), NOW);

        assertEquals(Optional.of(order), find(order.id()));
        assertTrue(find("ord_" + UUID.randomUUID()).isEmpty());
    }

    @Test
    void anOrderIsBoundToOneTopUpOnce() {
        TopUpOrder order = order(newUser(), NOW);
        TopUp first = topUpFor(order);
        TopUp second = topUpFor(order);

        assertTrue(tx().call(() -> store().bind(order.id(), first.id())));
        assertFalse(tx().call(() -> store().bind(order.id(), second.id())));
        assertFalse(tx().call(() -> store().bind("ord_" + UUID.randomUUID(), second.id())), "no such order");

        assertEquals(first.id(), find(order.id()).orElseThrow().topUpId());
    }

    static Stream<Instant> instantsAroundTheExpiry() {
        return Stream.of(
                NOW,
                EXPIRY.minusMillis(1),
                EXPIRY.minusNanos(1_000),
                EXPIRY,
                EXPIRY.plusNanos(1_000),
                EXPIRY.plusMillis(1));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("instantsAroundTheExpiry")
    void openOrdersAreCountedExactlyAsTheDomainReadsEachOrder(Instant at) {
        UserId user = newUser();
        TopUpOrder open = order(user, NOW);
        TopUpOrder older = order(user, NOW.minusMillis(1));
        TopUpOrder bound = order(user, NOW);
        UUID topUp = topUpFor(bound).id();
        tx().call(() -> store().bind(bound.id(), topUp));
        order(newUser(), NOW);
        List<TopUpOrder> mine = List.of(open, older, find(bound.id()).orElseThrow());
        long domainSays = mine.stream().filter(o -> o.isOpen(at)).count();

        int counted = tx().call(() -> store().lockUserAndCountOpen(user, at));

        assertEquals(domainSays, counted, "TopUpOrder.isOpen and the store's count");
    }

    @Test
    void aUsersSecondCountWaitsForTheFirstOnesTransactionAndSeesItsOrder() throws Exception {
        UserId user = newUser();
        TopUpOrder order = TopUpOrder.open("ord_" + UUID.randomUUID(), user, Money.won(5_000), NOW, TTL);

        int second = Turns.secondWaitsForFirst(
                tx(),
                () -> {
                    assertEquals(0, store().lockUserAndCountOpen(user, NOW));
                    store().insert(order);
                },
                () -> store().lockUserAndCountOpen(user, NOW));

        assertEquals(1, second);
    }

    @Test
    void ordersThatExpiredBeforeTheCutoffAreForgottenOldestFirst() {
        UserId user = newUser();
        TopUpOrder oldest = order(user, NOW.minusSeconds(2));
        TopUpOrder older = order(user, NOW.minusSeconds(1));
        TopUpOrder atCutoff = order(user, NOW);

        assertEquals(1, tx().call(() -> store().forgetExpiredBefore(EXPIRY, 1)));
        assertTrue(find(oldest.id()).isEmpty());
        assertEquals(1, tx().call(() -> store().forgetExpiredBefore(EXPIRY, 10)));
        assertTrue(find(older.id()).isEmpty());
        assertEquals(0, tx().call(() -> store().forgetExpiredBefore(EXPIRY, 10)), "expiring at the cutoff: kept");
        assertEquals(Optional.of(atCutoff), find(atCutoff.id()));
    }
}
