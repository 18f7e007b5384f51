package adapters.metrics;

import application.partnersync.port.out.SyncMetrics;
import domain.partnersync.SyncRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * The partner sync (docs/sync.md): {@code partner_sync_records_total{stage=read|sent|accepted|tracked|
 * changed|acknowledged|untracked}}, {@code partner_sync_failed_pages_total}, {@code
 * partner_sync_runs_seconds{status}} (a timer: count and duration of runs), and {@code
 * partner_sync_tracked} (records in the tracking store after the last run).
 */
@ApplicationScoped
public class PartnerSyncMetrics implements SyncMetrics {
    private final Map<Counter, ToLongFunction<SyncRun>> records = new LinkedHashMap<>();
    private final Counter failedPages;
    private final MeterRegistry registry;
    private final AtomicLong tracked = new AtomicLong();

    public PartnerSyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        stage("read", SyncRun::read);
        stage("sent", SyncRun::sent);
        stage("accepted", SyncRun::accepted);
        stage("tracked", SyncRun::tracked);
        stage("changed", SyncRun::changed);
        stage("acknowledged", SyncRun::acknowledged);
        stage("untracked", SyncRun::untracked);
        failedPages = Counter.builder("partner.sync.failed.pages")
                .description("Pages the app server refused or did not answer (each is retried by the next run)")
                .register(registry);
        Gauge.builder("partner.sync.tracked", tracked, AtomicLong::get)
                .description("Records in the tracking store after the last run")
                .register(registry);
    }

    private void stage(String stage, ToLongFunction<SyncRun> count) {
        records.put(
                Counter.builder("partner.sync.records")
                        .description("Records handled by the partner sync, by stage")
                        .tag("stage", stage)
                        .register(registry),
                count);
    }

    @Override
    public void finished(SyncRun run, long trackedNow) {
        records.forEach((counter, count) -> counter.increment(count.applyAsLong(run)));
        failedPages.increment(run.failedPages());
        tracked.set(trackedNow);
        Timer.builder("partner.sync.runs")
                .description("Partner sync runs and their duration, by how they ended")
                .tag("status", run.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .record(run.duration());
    }
}
