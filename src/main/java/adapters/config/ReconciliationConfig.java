package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.ZoneId;
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

    interface Provider {
        /** The file layout (toss, kcp, ksnet, welcome-online, welcome-offline); defaults to the provider's name. */
        Optional<String> layout();

        /** The contract fee in basis points of the gross amount (320 = 3.20 %). */
        @WithName("fee-bps")
        @WithDefault("0")
        int feeBps();
    }
}
