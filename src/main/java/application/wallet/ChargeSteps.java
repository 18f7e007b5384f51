package application.wallet;

import application.events.port.out.OutboxPort;
import application.shared.IdempotencyKey;
import application.shared.port.out.IdempotencyStore;
import application.wallet.port.in.ChargeWalletUseCase;
import application.wallet.port.out.TopUpOrderStore;
import application.wallet.port.out.TopUpStore;
import application.wallet.port.out.WalletStore;
import domain.event.BookingEvents;
import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.topup.TopUp;
import domain.topup.TopUpOrderRefusedException;
import domain.wallet.WalletTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The database transactions of {@link ChargeWalletService}, which itself runs outside any so that
 * no transaction stays open while a PG answers. Not a use case: only that service calls it.
 */
@ApplicationScoped
public class ChargeSteps {
    static final String OPERATION = "charge";

    private final WalletStore wallets;
    private final IdempotencyStore idempotency;
    private final OutboxPort outbox;
    private final TopUpStore topUps;
    private final TopUpOrderStore orders;
    private final Clock clock;

    public ChargeSteps(
            WalletStore wallets,
            IdempotencyStore idempotency,
            OutboxPort outbox,
            TopUpStore topUps,
            TopUpOrderStore orders,
            Clock clock) {
        this.wallets = wallets;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.topUps = topUps;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * A charge without a PG (only when {@code wallet.direct-charges.enabled}): key, credit, ledger
     * line and event in one transaction.
     */
    @Transactional
    public ChargeWalletUseCase.Result chargeNow(ChargeWalletUseCase.Command command, Money amount) {
        IdempotencyKey key = new IdempotencyKey(command.userId(), OPERATION, command.idempotencyKey());
        Instant now = clock.instant();
        Optional<UUID> answered = idempotency.claim(key, "amount=" + amount.won(), now);
        if (answered.isPresent()) {
            return new ChargeWalletUseCase.Result(
                    wallets.transaction(answered.get()).orElseThrow(), true);
        }
        WalletTransaction entry =
                wallets.charge(command.userId(), amount, UUID.randomUUID(), now).entry();
        idempotency.complete(key, entry.id());
        outbox.append(BookingEvents.walletCharged(UUID.randomUUID(), entry));
        return new ChargeWalletUseCase.Result(entry, false);
    }

    /**
     * Transaction 1 of a PG top-up: claims the Idempotency-Key for a new PENDING top-up, or returns
     * the top-up that already answered the key ({@code replayed}).
     *
     * <p>The payment must name the caller's own open top-up order of the same amount; the order is
     * bound to the new top-up in this transaction, so it pays once. Any refusal rolls the key's
     * claim back with it, and the PG is never asked to confirm.
     *
     * @throws domain.topup.PaymentAlreadyUsedException when another top-up has the PG payment
     * @throws domain.shared.NotFoundException when the order does not exist or is someone else's
     * @throws domain.topup.TopUpOrderRefusedException when the order was used, expired or is for
     *     another amount
     */
    @Transactional
    public Opened open(ChargeWalletUseCase.Command command, Money amount) {
        ChargeWalletUseCase.GatewayPayment payment = command.payment();
        IdempotencyKey key = new IdempotencyKey(command.userId(), OPERATION, command.idempotencyKey());
        Instant now = clock.instant();
        Optional<UUID> answered = idempotency.claim(key, fingerprint(amount, payment), now);
        if (answered.isPresent()) {
            return new Opened(topUps.findById(answered.get()).orElseThrow(), true);
        }
        orders.find(payment.orderId())
                .orElseThrow(() -> new NotFoundException("top-up order", payment.orderId()))
                .requirePayableBy(command.userId(), amount, now);
        TopUp pending = TopUp.pending(
                UUID.randomUUID(),
                command.userId(),
                payment.provider(),
                payment.paymentKey(),
                payment.orderId(),
                amount,
                now);
        topUps.insert(pending);
        if (!orders.bind(payment.orderId(), pending.id())) {
            // a concurrent charge bound the order between our read and our update
            throw new TopUpOrderRefusedException(TopUpOrderRefusedException.Reason.USED, payment.orderId());
        }
        idempotency.complete(key, pending.id());
        return new Opened(pending, false);
    }

    public record Opened(TopUp topUp, boolean replayed) {}

    /**
     * The same body gives the same fingerprint; a charge without a PG keeps its plain
     * {@code amount=N}, so reusing its key for a PG top-up is a conflict. Hashed: the payment key
     * alone may be 200 characters, the column's size.
     */
    static String fingerprint(Money amount, ChargeWalletUseCase.GatewayPayment payment) {
        // fields are visible ASCII, so '\n' separates them unambiguously
        String fields = payment.provider() + '\n' + payment.paymentKey() + '\n' + payment.orderId();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.US_ASCII));
            return "amount=" + amount.won() + ";pg=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
