package support;

import application.wallet.SettleTopUpService;
import application.wallet.port.in.SettleTopUpUseCase;
import domain.topup.TopUp;
import domain.topup.TopUpStatus;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The real settlement, which a test can arm to crash after a number of successful settles. */
@Alternative
@Priority(10)
@ApplicationScoped
public class FailingSettlement implements SettleTopUpUseCase {
    private static final AtomicInteger crashAfter = new AtomicInteger(-1);

    private final SettleTopUpService delegate;

    public FailingSettlement(SettleTopUpService delegate) {
        this.delegate = delegate;
    }

    /** The settle after the next {@code successes} ones throws (once). */
    public static void crashAfter(int successes) {
        crashAfter.set(successes);
    }

    @Override
    public Optional<TopUp> settle(String provider, String paymentKey, TopUpStatus outcome) {
        return settle(provider, paymentKey, outcome, null, null);
    }

    @Override
    public Optional<TopUp> settle(
            String provider, String paymentKey, TopUpStatus outcome, String failureCode, String failureMessage) {
        if (crashAfter.get() == 0) {
            crashAfter.set(-1);
            throw new IllegalStateException("injected crash while settling " + paymentKey);
        }
        Optional<TopUp> settled = delegate.settle(provider, paymentKey, outcome, failureCode, failureMessage);
        crashAfter.getAndUpdate(n -> n > 0 ? n - 1 : n);
        return settled;
    }
}
