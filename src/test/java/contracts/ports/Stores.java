package contracts.ports;

import application.booking.port.out.PaymentRepository;
import application.booking.port.out.ReservationRepository;
import application.booking.port.out.SeatInventory;
import application.catalog.port.out.ConcertRepository;
import application.events.port.out.OutboxPort;
import application.fakes.FakePaymentGateway;
import application.fakes.InMemoryQueueStore;
import application.fakes.TestBed;
import application.queue.port.out.QueueStore;
import application.queue.port.out.SaleOpenings;
import application.queue.port.out.WaitingRoomCapacities;
import application.shared.port.out.AfterCommit;
import application.shared.port.out.IdempotencyStore;
import application.wallet.port.out.PaymentGateway;
import application.wallet.port.out.PaymentGateway.Answer;
import application.wallet.port.out.TopUpOrderStore;
import application.wallet.port.out.TopUpStore;
import application.wallet.port.out.WalletStore;
import domain.shared.Money;
import domain.topup.TopUpStatus;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import support.Db;
import support.GatewayStandIn;

/**
 * The outbound ports a contract runs on, with what a contract needs to observe and steer them: the
 * fakes of one {@link TestBed} ({@link #fakes()}), or the test application's own adapters on this
 * run's PostgreSQL database, Redis key prefix and stand-in PG ({@link #real()}).
 *
 * @param recorded whether the event with this id was recorded (committed)
 * @param waitingTtl {@code queue.waiting-ttl} of the queue store
 * @param restoreWindow {@code queue.restore-window} of the queue store
 * @param provider a configured PG provider whose answers {@link #script} sets
 */
record Stores(
        Transactions tx,
        WalletStore wallets,
        SeatInventory seats,
        ConcertRepository concerts,
        ReservationRepository reservations,
        PaymentRepository payments,
        OutboxPort outbox,
        IdempotencyStore idempotency,
        TopUpStore topUps,
        TopUpOrderStore topUpOrders,
        WaitingRoomCapacities capacities,
        QueueStore queue,
        SaleOpenings openings,
        AfterCommit afterCommit,
        PaymentGateway gateway,
        Predicate<UUID> recorded,
        Duration waitingTtl,
        Duration restoreWindow,
        String provider,
        Scripter scripter) {

    /** How the PG will answer the next confirm of a payment key. */
    enum Script {
        APPROVE,
        DECLINE,
        FAIL
    }

    @FunctionalInterface
    interface Scripter {
        void script(String paymentKey, Script script, long won);
    }

    boolean eventRecorded(UUID eventId) {
        return recorded.test(eventId);
    }

    /** Makes the PG answer a confirm of {@code paymentKey} of {@code won} as scripted. */
    void script(String paymentKey, Script script, long won) {
        scripter.script(paymentKey, script, won);
    }

    /** New fakes (one set per test), wired as the unit tests wire them, and a scripted PG. */
    static Stores fakes() {
        TestBed bed = new TestBed();
        FakePaymentGateway gateway = new FakePaymentGateway("toss");
        return new Stores(
                Transactions.of(bed.tx),
                bed.wallets,
                bed.seats,
                bed.concerts,
                bed.reservations,
                bed.payments,
                bed.outbox,
                bed.idempotency,
                bed.topUps,
                bed.topUpOrders,
                bed.capacities,
                bed.queue,
                bed.openings,
                bed.afterCommit,
                gateway,
                id -> bed.outbox.events().stream().anyMatch(event -> event.id().equals(id)),
                InMemoryQueueStore.DEFAULT_WAITING_TTL,
                InMemoryQueueStore.DEFAULT_RESTORE_WINDOW,
                "toss",
                (paymentKey, script, won) -> gateway.onConfirm(
                        paymentKey,
                        switch (script) {
                            case APPROVE -> new Answer.Approved(Money.won(won), Instant.parse("2031-01-01T00:00:00Z"));
                            case DECLINE -> new Answer.Refused(TopUpStatus.DECLINED, "REJECT_CARD_COMPANY", "refused");
                            case FAIL -> new Answer.Unknown("HTTP 500");
                        }));
    }

    /** The running test application's adapters, each the bean that serves its port. */
    static Stores real() {
        return new Stores(
                new JtaTransactions(),
                bean(WalletStore.class),
                bean(SeatInventory.class),
                bean(ConcertRepository.class),
                bean(ReservationRepository.class),
                bean(PaymentRepository.class),
                bean(OutboxPort.class),
                bean(IdempotencyStore.class),
                bean(TopUpStore.class),
                bean(TopUpOrderStore.class),
                bean(WaitingRoomCapacities.class),
                bean(QueueStore.class),
                bean(SaleOpenings.class),
                bean(AfterCommit.class),
                bean(PaymentGateway.class),
                id -> Db.count("SELECT count(*) FROM outbox_event WHERE id = ?", id) == 1,
                ConfigProvider.getConfig().getValue("queue.waiting-ttl", Duration.class),
                ConfigProvider.getConfig().getValue("queue.restore-window", Duration.class),
                "toss",
                (paymentKey, script, won) -> GatewayStandIn.current()
                        .onConfirm(
                                paymentKey,
                                switch (script) {
                                    case APPROVE -> GatewayStandIn.Confirm.APPROVE;
                                    case DECLINE -> GatewayStandIn.Confirm.DECLINE;
                                    case FAIL -> GatewayStandIn.Confirm.FAIL;
                                }));
    }

    private static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }
}
