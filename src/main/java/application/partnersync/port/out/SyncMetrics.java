package application.partnersync.port.out;

import domain.partnersync.SyncRun;

/** Counters and timings of the sync, one call per finished run. */
public interface SyncMetrics {
    void finished(SyncRun run, long trackedNow);
}
