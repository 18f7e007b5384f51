package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Refunds (D49) and the refund job of cancelled schedules (D50). */
@ConfigMapping(prefix = "refund")
public interface RefundConfig {
    /** How long before the show an owner's refund closes (ISO-8601 or 24h, 30m …); 0 = until it starts. */
    @WithDefault("24h")
    Duration cutoff();

    /** The fee an owner's refund keeps, in percent of the price (0 … 100), rounded down to the won. */
    @WithName("fee-percent")
    @WithDefault("0")
    int feePercent();

    Cancellation cancellation();

    interface Cancellation {
        /** Seats refunded (or holds cancelled) per chunk, each chunk one transaction. */
        @WithName("batch-size")
        @WithDefault("100")
        int batchSize();

        /** The longest one chunk's transaction may take. */
        @WithName("chunk-timeout")
        @WithDefault("60s")
        Duration chunkTimeout();

        /** A run stops starting chunks after this; the next run resumes at the cursor. */
        @WithName("max-run-time")
        @WithDefault("2m")
        Duration maxRunTime();

        /** How often the scheduler resumes unfinished jobs. */
        @WithDefault("1m")
        Duration every();
    }
}
