package application.wallet;

import application.wallet.port.in.SettleTopUpUseCase;
import application.wallet.port.in.SweepPendingTopUpsUseCase;
import application.wallet.port.out.PaymentGateway;
import application.wallet.port.out.SweepMetrics;
import application.wallet.port.out.TopUpStore;
import domain.topup.TopUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs outside any transaction: each status query is remote, and each settlement is its own
 * transaction ({@link SettleTopUpUseCase}, one conditional UPDATE, so a sweep racing a status query
 * or the reconciliation still credits once). One run asks about at most one batch. The scan goes
 * on from where the previous run of this instance stopped, so top-ups the PG keeps answering
 * "in progress" about (or an amount we disagree with) cannot starve the ones behind them; a short
 * page starts the scan over from the oldest.
 */
@ApplicationScoped
public class SweepPendingTopUpsService implements SweepPendingTopUpsUseCase {
    private final TopUpStore topUps;
    private final PaymentGateway gateway;
    private final SettleTopUpUseCase settle;
    private final SweepMetrics metrics;
    private final WalletSettings settings;
    private final Clock clock;
    private final AtomicReference<TopUpStore.PendingKey> resumeAfter = new AtomicReference<>();

    public SweepPendingTopUpsService(
            TopUpStore topUps,
            PaymentGateway gateway,
            SettleTopUpUseCase settle,
            SweepMetrics metrics,
            WalletSettings settings,
            Clock clock) {
        this.topUps = topUps;
        this.gateway = gateway;
        this.settle = settle;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public long sweep() {
        Instant cutoff = clock.instant().minus(settings.pendingSweepAfter());
        int limit = settings.pendingSweepBatchSize();
        List<TopUp> page = topUps.pendingCreatedBefore(cutoff, resumeAfter.get(), limit);
        if (page.isEmpty() && resumeAfter.get() != null) {
            resumeAfter.set(null);
            page = topUps.pendingCreatedBefore(cutoff, null, limit);
        }
        for (TopUp pending : page) {
            TopUp after =
                    GatewayAnswers.apply(settle, pending, gateway.status(pending.provider(), pending.paymentKey()));
            metrics.swept(
                    switch (after.status()) {
                        case APPROVED -> SweepMetrics.Outcome.APPROVED;
                        case DECLINED -> SweepMetrics.Outcome.DECLINED;
                        case CANCELLED -> SweepMetrics.Outcome.CANCELLED;
                        case PENDING -> SweepMetrics.Outcome.STILL_PENDING;
                    });
        }
        resumeAfter.set(
                page.size() < limit
                        ? null
                        : new TopUpStore.PendingKey(
                                page.getLast().createdAt(), page.getLast().id()));
        return page.size();
    }
}
