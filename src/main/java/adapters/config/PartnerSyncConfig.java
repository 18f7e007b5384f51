package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** The sync of bookings to the membership app server (docs/sync.md). Off unless a URL is set. */
@ConfigMapping(prefix = "sync")
public interface PartnerSyncConfig {
    /**
     * How often the scheduler starts a run (one at a time across instances): a duration, or
     * {@code off} for no scheduled runs (only the admin trigger).
     */
    @WithDefault("1m")
    String every();

    /** Records per page: one POST, one transaction, the most a run holds in memory. */
    @WithName("batch-size")
    @WithDefault("500")
    int batchSize();

    /** A run starts no new page after this long; the next run goes on from the cursor. */
    @WithName("max-run-time")
    @WithDefault("50s")
    Duration maxRunTime();

    @WithName("app-server")
    AppServer appServer();

    interface AppServer {
        /** Base URL; {@code POST {url}/sync/records}. Unset: the sync is off. */
        Optional<String> url();

        /** Sent as {@code Authorization: Bearer <token>}; required with a URL. */
        Optional<String> token();

        /** Plain http to a non-loopback host only with this set (tests, a sidecar on a private link). */
        @WithName("allow-insecure-http")
        @WithDefault("false")
        boolean allowInsecureHttp();

        @WithName("connect-timeout")
        @WithDefault("2s")
        Duration connectTimeout();

        /** The longest one attempt waits for the answer. */
        @WithDefault("10s")
        Duration timeout();

        /** Attempts after the first, for a 5xx, a timeout or a refused connection (not for a 4xx). */
        @WithDefault("2")
        int retries();

        /** The first retry's delay, doubled for each next one up to {@code retry-max-delay}. */
        @WithName("retry-delay")
        @WithDefault("500ms")
        Duration retryDelay();

        @WithName("retry-max-delay")
        @WithDefault("5s")
        Duration retryMaxDelay();

        Breaker breaker();

        /** The circuit breaker: opens when this share of the last {@code requests} calls failed. */
        interface Breaker {
            @WithDefault("4")
            int requests();

            @WithName("failure-ratio")
            @WithDefault("0.5")
            double failureRatio();

            /** How long it stays open (calls fail at once) before letting one call through. */
            @WithDefault("30s")
            Duration delay();
        }
    }
}
