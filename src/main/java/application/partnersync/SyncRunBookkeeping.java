package application.partnersync;

import application.partnersync.port.out.SyncRunStore;
import application.partnersync.port.out.SyncTrackingStore;
import domain.partnersync.SyncRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** A run's own record, each change in its own short transaction (a run's pages commit on their own). */
@ApplicationScoped
public class SyncRunBookkeeping {
    private final SyncRunStore runs;
    private final SyncTrackingStore tracking;
    private final Clock clock;

    public SyncRunBookkeeping(SyncRunStore runs, SyncTrackingStore tracking, Clock clock) {
        this.runs = runs;
        this.tracking = tracking;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SyncRun started(UUID id, String requestedBy) {
        SyncRun run = SyncRun.started(id, requestedBy, clock.instant());
        runs.started(run);
        return run;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SyncRun finished(SyncRun run, SyncRun.Tally tally) {
        SyncRun finished = run.finished(tally, clock.instant());
        runs.finished(finished);
        return finished;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long trackedCount() {
        return tracking.trackedCount();
    }
}
