package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** {@code wallet.*}: how money may enter a wallet (issue #15: money only through a verified source). */
@ConfigMapping(prefix = "wallet")
public interface WalletConfig {
    @WithName("direct-charges")
    DirectCharges directCharges();

    /** How long a top-up order (POST /api/v1/wallet/top-ups) can be paid. */
    @WithName("top-up-order-ttl")
    @WithDefault("30m")
    Duration topUpOrderTtl();

    @WithName("top-up-orders")
    TopUpOrders topUpOrders();

    @WithName("pending-sweep")
    PendingSweep pendingSweep();

    interface DirectCharges {
        /**
         * A charge of a plain {@code {amount}} with no PG payment credits the wallet. Off by default
         * (free money); on in the dev and test profiles and where a script opts in explicitly.
         * Ignored (refused) whenever a PG is configured.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface TopUpOrders {
        /** Open (unpaid, unexpired) top-up orders one user may hold at once; the next gets 409. */
        @WithName("max-open")
        @WithDefault("5")
        int maxOpen();

        /** How long an order is kept after it expired (paid or not), then the retention job deletes it. */
        @WithDefault("7d")
        Duration retention();
    }

    interface PendingSweep {
        /** A PENDING top-up older than this is asked about at its PG by the {@code topup-sweeper} job. */
        @WithDefault("2m")
        Duration after();

        /** How often the sweeper runs. */
        @WithDefault("1m")
        Duration interval();

        /** Top-ups asked about per run (each is one status call to its PG). */
        @WithName("batch-size")
        @WithDefault("100")
        int batchSize();
    }
}
