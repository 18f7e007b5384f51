package application.wallet;

import domain.shared.Configured;
import java.time.Duration;

/**
 * {@code wallet.*}: whether a wallet may be credited without a PG ({@code directCharges}: dev and
 * tests only), how long a top-up order stays open, how many one user may hold open and how long it
 * is kept after it expired, and when and how much the sweeper asks the PGs about PENDING top-ups.
 */
public record WalletSettings(
        boolean directCharges,
        Duration topUpOrderTtl,
        int maxOpenTopUpOrders,
        Duration topUpOrderRetention,
        Duration pendingSweepAfter,
        int pendingSweepBatchSize)
        implements Configured {

    public WalletSettings {
        if (topUpOrderTtl.isNegative() || topUpOrderTtl.isZero()) {
            throw new IllegalArgumentException("wallet.top-up-order-ttl must be positive: " + topUpOrderTtl);
        }
        if (maxOpenTopUpOrders < 1) {
            throw new IllegalArgumentException(
                    "wallet.top-up-orders.max-open must be at least 1: " + maxOpenTopUpOrders);
        }
        if (topUpOrderRetention.isNegative()) {
            throw new IllegalArgumentException(
                    "wallet.top-up-orders.retention must not be negative: " + topUpOrderRetention);
        }
        if (pendingSweepAfter.isNegative()) {
            throw new IllegalArgumentException("wallet.pending-sweep.after must not be negative: " + pendingSweepAfter);
        }
        if (pendingSweepBatchSize < 1) {
            throw new IllegalArgumentException(
                    "wallet.pending-sweep.batch-size must be at least 1: " + pendingSweepBatchSize);
        }
    }
}
