package application.wallet;

import application.shared.NotConfiguredException;
import application.wallet.port.in.CreateTopUpOrderUseCase;
import application.wallet.port.out.PaymentGateway;
import application.wallet.port.out.TopUpOrderStore;
import domain.shared.Money;
import domain.shared.UserId;
import domain.topup.TopUpOrder;
import domain.topup.TopUpOrderRefusedException;
import domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * One transaction: lock the user's orders, count the open ones, insert. The id is 128 bits from
 * {@link SecureRandom} (base64url, 26 characters with its prefix): unguessable, and within the 6 to
 * 64 characters of {@code [A-Za-z0-9_-]} that Korean PGs accept as an orderId.
 */
@ApplicationScoped
public class CreateTopUpOrderService implements CreateTopUpOrderUseCase {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TopUpOrderStore orders;
    private final WalletSettings settings;
    private final Clock clock;
    private final PaymentGateway gateway;

    public CreateTopUpOrderService(
            TopUpOrderStore orders, WalletSettings settings, Clock clock, PaymentGateway gateway) {
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
        this.gateway = gateway;
    }

    @Override
    @Transactional
    public TopUpOrder create(UserId userId, long amount) {
        Money money = Wallet.requireChargeable(amount);
        if (!gateway.isConfigured()) {
            // nothing could ever pay the order (D68)
            throw new NotConfiguredException(
                    "top-ups-not-configured",
                    "top-ups are not available: no payment gateway is configured (payments.providers.<name>.*)");
        }
        Instant now = clock.instant();
        if (orders.lockUserAndCountOpen(userId, now) >= settings.maxOpenTopUpOrders()) {
            throw new TopUpOrderRefusedException(TopUpOrderRefusedException.Reason.TOO_MANY_OPEN, null);
        }
        TopUpOrder order = TopUpOrder.open(newOrderId(), userId, money, now, settings.topUpOrderTtl());
        orders.insert(order);
        return order;
    }

    static String newOrderId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return "ord_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
