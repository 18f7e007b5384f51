package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The daily reconciliation against the payment gateways' files (docs/reconciliation.md). */
@ConfigMapping(prefix = "reconciliation")
public interface ReconciliationConfig {
    /** Where the PGs' files are dropped: {@code <inbox>/<provider>/<file>}. */
    @WithDefault("data/reconciliation/inbox")
    String inbox();

    /** Quartz-style cron of the daily run (seconds first), in {@link #timeZone()}. */
    @WithDefault("0 0 8 * * ?")
    String cron();

    /** The PGs' business-day zone: the schedule's zone and the day boundary of "credited that day". */
    @WithName("time-zone")
    @WithDefault("Asia/Seoul")
    ZoneId timeZone();

    /** How many providers' chains (transactions → acquisitions → settlements) run at once. */
    @WithDefault("3")
    int parallelism();

    /**
     * Database connections one step's bulk statements use at once (decision D69): the match runs as
     * this many hash parts, each a cursor and a COPY (two connections), and the state changes as this
     * many windows at a time. A run may hold parallelism × 2 × this many connections: keep it within
     * {@code quarkus.datasource.jdbc.max-size}. 1 … 8 (checked at start-up).
     */
    @WithName("stage-connections")
    @WithDefault("2")
    int stageConnections();

    /** A RUNNING run silent this long belonged to a process that died; the next trigger replaces it. */
    @WithName("stale-after")
    @WithDefault("10m")
    Duration staleAfter();

    /** Malformed lines kept per step with their line number (all are counted). */
    @WithName("max-errors-kept")
    @WithDefault("1000")
    int maxErrorsKept();

    /** PENDING top-ups settled per chunk (one transaction each) on the batch machinery (D42, D55). */
    @WithName("settle-chunk-size")
    @WithDefault("500")
    int settleChunkSize();

    /** The longest a settle chunk's transaction may take. */
    @WithName("chunk-timeout")
    @WithDefault("60s")
    Duration chunkTimeout();

    /** The most dates one {@code POST /api/v1/admin/reconciliations {from, to}} may re-run. */
    @WithName("max-range-days")
    @WithDefault("31")
    int maxRangeDays();

    /** The providers to reconcile, by the name top-ups use ({@code payment.provider}). */
    Map<String, Provider> providers();

    /** Where each run's report goes (decision D60; docs/api.md "Settings"). */
    Report report();

    interface Report {
        /** E-mail recipients; none: no e-mail. */
        Optional<List<String>> to();

        /** The e-mail's sender. */
        Optional<String> from();

        /** A Slack-compatible incoming webhook ({"text": ...}); https (http only for a loopback host). */
        @WithName("webhook-url")
        Optional<String> webhookUrl();

        /** Attempts after the first, per channel. */
        @WithDefault("3")
        int retries();

        @WithName("retry-delay")
        @WithDefault("2s")
        Duration retryDelay();

        @WithName("retry-max-delay")
        @WithDefault("30s")
        Duration retryMaxDelay();

        /** One webhook call's connect and answer time. */
        @WithName("webhook-timeout")
        @WithDefault("10s")
        Duration webhookTimeout();

        /** How many of the largest mismatches the report lists. */
        @WithName("top-mismatches")
        @WithDefault("10")
        int topMismatches();
    }

    interface Provider {
        /** The file layout (toss, kcp, ksnet, welcome-online, welcome-offline); defaults to the provider's name. */
        Optional<String> layout();

        /**
         * Which of our records the provider's files are matched against (D62): {@code topups} (wallet
         * top-ups through an online gateway) or {@code box-office-sales} (card-terminal sales at the
         * venue). Default: {@code box-office-sales} for the {@code welcome-offline} layout, else
         * {@code topups}.
         */
        Optional<String> records();

        /** The contract fee in basis points of the gross amount (320 = 3.20 %). */
        @WithName("fee-bps")
        @WithDefault("0")
        int feeBps();
    }
}
