package application.partnersync;

import application.partnersync.port.in.RunPartnerSyncUseCase;
import application.partnersync.port.out.BookingRecordSource;
import application.partnersync.port.out.PartnerServer;
import application.partnersync.port.out.SyncMetrics;
import application.partnersync.port.out.SyncTrackingStore;
import application.shared.ChunkRunner;
import application.shared.port.out.ChunkTransactions;
import application.shared.port.out.JobLock;
import domain.partnersync.SyncRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run under the job's lease: section 1 (new records) then section 2 (changed records), each a
 * chunked step with one transaction per page ({@link ChunkRunner}). A failed page ends its section
 * for this run (section 1 cannot skip past it; the app server is likely down), not the run: section
 * 2 still runs after a failed section 1. A run stops starting pages after sync.max-run-time; the next
 * run goes on from the cursor.
 */
@ApplicationScoped
public class RunPartnerSyncService implements RunPartnerSyncUseCase {
    private static final Logger LOG = Logger.getLogger(RunPartnerSyncService.class.getName());
    /** The lease of a run. Not {@link #JOB}: the generic job trigger holds that one around this call. */
    static final String LEASE = JOB + ":run";

    private final BookingRecordSource source;
    private final SyncTrackingStore tracking;
    private final PartnerServer server;
    private final SyncRunBookkeeping runs;
    private final SyncMetrics metrics;
    private final JobLock lock;
    private final ChunkTransactions transactions;
    private final PartnerSyncSettings settings;
    private final Clock clock;

    public RunPartnerSyncService(
            BookingRecordSource source,
            SyncTrackingStore tracking,
            PartnerServer server,
            SyncRunBookkeeping runs,
            SyncMetrics metrics,
            JobLock lock,
            ChunkTransactions transactions,
            PartnerSyncSettings settings,
            Clock clock) {
        this.source = source;
        this.tracking = tracking;
        this.server = server;
        this.runs = runs;
        this.metrics = metrics;
        this.lock = lock;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Result run(String requestedBy) {
        if (!server.configured()) {
            return new Result(Outcome.DISABLED, null);
        }
        Optional<JobLock.Lease> lease = lock.tryAcquire(LEASE, settings.leaseTtl());
        if (lease.isEmpty()) {
            return new Result(Outcome.RUNNING_ELSEWHERE, null);
        }
        try (JobLock.Lease held = lease.get()) {
            return new Result(Outcome.RAN, runHeld(requestedBy));
        }
    }

    private SyncRun runHeld(String requestedBy) {
        SyncRun run = runs.started(UUID.randomUUID(), requestedBy);
        Instant deadline = clock.instant().plus(settings.maxRunTime());
        BooleanSupplier keepGoing = () -> clock.instant().isBefore(deadline);
        SyncRun.Tally tally = new SyncRun.Tally();
        section("new records", run, tally, new NewRecordsStep(source, tracking, server, clock, tally), keepGoing);
        section(
                "changed records",
                run,
                tally,
                new ChangedRecordsStep(source, tracking, server, clock, tally),
                keepGoing);
        SyncRun finished = runs.finished(run, tally);
        try {
            metrics.finished(finished, runs.trackedCount());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "partner sync metrics could not be recorded", e);
        }
        return finished;
    }

    private <I, O> void section(
            String name, SyncRun run, SyncRun.Tally tally, ChunkRunner.Step<I, O> step, BooleanSupplier keepGoing) {
        long t0 = System.nanoTime();
        ChunkRunner.Outcome outcome =
                ChunkRunner.run(step, transactions, settings.batchSize(), settings.pageTimeout(), keepGoing);
        LOG.info(String.format(
                "partner sync run %s: %s: %d records read in %d pages, %d to send, in %d ms%s",
                run.id(),
                name,
                outcome.read(),
                outcome.chunks(),
                outcome.written(),
                (System.nanoTime() - t0) / 1_000_000,
                outcome.failed() ? " (a page failed)" : outcome.exhausted() ? "" : " (stopped at sync.max-run-time)"));
        if (outcome.failed()) {
            String reason = name + ": " + outcome.failure().getMessage();
            LOG.warning("partner sync run " + run.id() + ": a page failed and is retried by the next run; " + reason);
            tally.failedPage(reason);
        }
    }
}
