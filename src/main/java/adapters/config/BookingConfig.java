package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** The contract's configuration keys (see {@code docs/api.md}). */
public interface BookingConfig {

    @ConfigMapping(prefix = "queue")
    interface Queue {
        @WithName("max-active")
        @WithDefault("100")
        int maxActive();

        @WithName("active-ttl")
        @WithDefault("10m")
        Duration activeTtl();

        @WithName("admit-interval")
        @WithDefault("1s")
        Duration admitInterval();

        /**
         * A WAITING fan who neither polls their position nor enters again for this long has left:
         * their place is given up at the next admission or sweep.
         */
        @WithName("waiting-ttl")
        @WithDefault("2m")
        Duration waitingTtl();

        /** How often ended ACTIVE tokens are swept (reads already ignore them). */
        @WithName("expiry-interval")
        @WithDefault("10s")
        Duration expiryInterval();

        /** How often the queue gauges are refreshed. */
        @WithName("metrics-interval")
        @WithDefault("5s")
        Duration metricsInterval();

        /**
         * The HMAC-SHA256 key that signs queue tokens (at least 32 characters). No default outside
         * the dev and test profiles: the {@link StartupGuard} refuses to start without it (D33).
         */
        @WithName("token-secret")
        java.util.Optional<String> tokenSecret();

        /**
         * How old a token may be and still be put back in line after the queue store lost its
         * state (a fan who waited longer re-enters at the end; 0 restores nothing) (D33).
         */
        @WithName("restore-window")
        @WithDefault("1h")
        Duration restoreWindow();

        /**
         * How long an instance trusts its copy of a concert's stored cap on the entry path before it
         * reads it again (in the background); only used while Redis lacks the cap (D32).
         */
        @WithName("capacity-cache-ttl")
        @WithDefault("5s")
        Duration capacityCacheTtl();

        /**
         * How long an instance trusts its copy of a concert's on-sale time on the entry and polling
         * paths; an opening time can no longer be changed once it is this close (D52).
         */
        @WithName("opening-cache-ttl")
        @WithDefault("5s")
        Duration openingCacheTtl();

        /** How often the opening job looks for sales whose time has come, to shuffle their pre-queue (D52). */
        @WithName("opening-interval")
        @WithDefault("1s")
        Duration openingInterval();

        /** Tokens of a shuffled pre-queue put in line per Redis call (each call is one short script). */
        @WithName("opening-chunk")
        @WithDefault("1000")
        int openingChunk();

        Redis redis();

        interface Redis {
            /** Prefix of every key this service writes, so deployments and test runs never share keys. */
            @WithName("key-prefix")
            @WithDefault("cb:")
            String keyPrefix();
        }
    }

    @ConfigMapping(prefix = "reservation")
    interface Reservation {
        @WithName("hold-ttl")
        @WithDefault("5m")
        Duration holdTtl();

        /** How many lapsed holds one expiry transaction writes down. */
        /** How often lapsed holds are written down as EXPIRED (reads already treat them so). */
        @WithName("expiry-interval")
        @WithDefault("5s")
        Duration expiryInterval();

        @WithName("expiry-batch-size")
        @WithDefault("500")
        int expiryBatchSize();

        /** Live (HELD, not lapsed) holds one user may have on one concert at once; the next hold is 409. */
        @WithName("max-held-per-user")
        @WithDefault("4")
        int maxHeldPerUser();

        /**
         * A schedule stops selling this long before it starts (0: at its start): no longer listed,
         * no hold or payment, open holds released (D48).
         */
        @WithName("close-before")
        @WithDefault("0s")
        Duration closeBefore();
    }

    /** Sales at the venue's box office against a card terminal's approval (D61). */
    @ConfigMapping(prefix = "box-office")
    interface BoxOffice {
        /**
         * The box office stops selling a schedule this long before it starts (0: at its start). Its
         * own window: with {@code reservation.close-before} 1h and this 0s, the last hour is
         * box-office only (D48).
         */
        @WithName("close-before")
        @WithDefault("0s")
        Duration closeBefore();

        /** The most seats one box-office sale may sell (1 … 100). */
        @WithName("max-seats")
        @WithDefault("20")
        int maxSeats();
    }

    @ConfigMapping(prefix = "jobs")
    interface Jobs {
        /** How long a job's lease lasts if its holder dies mid-run (longer than any run). */
        @WithName("lease-ttl")
        @WithDefault("60s")
        Duration leaseTtl();

        /**
         * A shared secret that lets an external scheduler trigger jobs over HTTP without an admin
         * token (header {@code Job-Trigger-Secret}); unset, only admins can.
         */
        @WithName("trigger-secret")
        java.util.Optional<String> triggerSecret();
    }

    @ConfigMapping(prefix = "idempotency")
    interface Idempotency {
        /** How long an Idempotency-Key is remembered (a replay within it returns the first answer). */
        @WithDefault("7d")
        Duration retention();

        @WithName("retention-interval")
        @WithDefault("1h")
        Duration retentionInterval();
    }

    @ConfigMapping(prefix = "events")
    interface Events {
        Webhook webhook();

        Relay relay();

        interface Webhook {
            /** The receiver; unset, the relay stays idle and events wait in the outbox. */
            java.util.Optional<String> url();

            /** The HMAC-SHA256 key of the {@code Webhook-Signature} header. */
            java.util.Optional<String> secret();

            @WithDefault("5s")
            Duration timeout();

            /**
             * Lets {@code url} be plain http on a non-loopback host; off, the service refuses to start
             * with such a URL ({@link StartupGuard}).
             */
            @WithName("allow-insecure-http")
            @WithDefault("false")
            boolean allowInsecureHttp();
        }

        interface Relay {
            @WithDefault("1s")
            Duration interval();

            @WithName("batch-size")
            @WithDefault("100")
            int batchSize();

            @WithName("max-attempts")
            @WithDefault("10")
            int maxAttempts();

            @WithName("backoff-base")
            @WithDefault("1s")
            Duration backoffBase();

            @WithName("backoff-max")
            @WithDefault("5m")
            Duration backoffMax();

            /** How long delivered events are kept before the prune job deletes them. */
            @WithDefault("7d")
            Duration retention();

            @WithName("prune-interval")
            @WithDefault("1h")
            Duration pruneInterval();

            /**
             * With no webhook configured, how long undelivered events are kept before the prune job
             * deletes them (nothing will ever deliver them); ignored when a webhook is configured.
             */
            @WithName("undelivered-retention")
            @WithDefault("7d")
            Duration undeliveredRetention();
        }
    }
}
