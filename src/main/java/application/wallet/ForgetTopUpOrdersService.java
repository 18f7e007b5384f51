package application.wallet;

import application.wallet.port.in.ForgetTopUpOrdersUseCase;
import application.wallet.port.out.TopUpOrderStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Keeps {@code topup_order} bounded: an order past its lifetime plus the retention is deleted, paid
 * or not (a paid top-up keeps its {@code order_id}; an unpaid order can no longer be paid anyway).
 */
@ApplicationScoped
public class ForgetTopUpOrdersService implements ForgetTopUpOrdersUseCase {
    private final TopUpOrderStore orders;
    private final WalletSettings settings;
    private final Clock clock;

    public ForgetTopUpOrdersService(TopUpOrderStore orders, WalletSettings settings, Clock clock) {
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int forgetBatch(int batchSize) {
        return orders.forgetExpiredBefore(clock.instant().minus(settings.topUpOrderRetention()), batchSize);
    }
}
