package application.jobs;

import application.booking.port.in.ExpireHoldsUseCase;
import application.events.port.in.PruneOutboxUseCase;
import application.events.port.in.RelayOutboxUseCase;
import application.jobs.port.in.RunJobUseCase;
import application.partnersync.port.in.RunPartnerSyncUseCase;
import application.queue.port.in.AdmitWaitingUsersUseCase;
import application.queue.port.in.ExpireActiveTokensUseCase;
import application.queue.port.in.OpenSalesUseCase;
import application.reconciliation.port.in.StartReconciliationUseCase;
import application.refund.port.in.RunScheduleCancellationsUseCase;
import application.shared.JobSettings;
import application.shared.port.out.JobLock;
import application.wallet.port.in.ForgetIdempotencyKeysUseCase;
import application.wallet.port.in.ForgetTopUpOrdersUseCase;
import application.wallet.port.in.SweepPendingTopUpsUseCase;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

@ApplicationScoped
public class RunJobService implements RunJobUseCase {
    private final JobLock lock;
    private final JobSettings settings;
    private static final int MAX_RELAY_BATCHES_PER_RUN = 20;
    private static final String PARTNER_SYNC_SCHEDULER = "scheduler";

    private final Map<String, Job> jobs = new TreeMap<>();

    /** One job's work under its lease: its result, also when it had nothing to do or did not run. */
    @FunctionalInterface
    private interface Job {
        Result run(String name);

        /** A job that always runs and counts what it handled. */
        static Job counting(LongSupplier work) {
            return name -> Result.ran(name, work.getAsLong());
        }
    }

    public RunJobService(
            JobLock lock,
            JobSettings settings,
            AdmitWaitingUsersUseCase admit,
            ExpireActiveTokensUseCase expireTokens,
            ExpireHoldsUseCase expireHolds,
            ForgetIdempotencyKeysUseCase forgetKeys,
            RelayOutboxUseCase relay,
            PruneOutboxUseCase pruneOutbox,
            StartReconciliationUseCase reconciliation,
            SweepPendingTopUpsUseCase sweepTopUps,
            ForgetTopUpOrdersUseCase forgetOrders,
            RunPartnerSyncUseCase partnerSync,
            RunScheduleCancellationsUseCase scheduleCancellations,
            OpenSalesUseCase openSales) {
        this.lock = lock;
        this.settings = settings;
        jobs.put(QUEUE_ADMISSION, Job.counting(admit::admitAll));
        jobs.put(QUEUE_TOKEN_EXPIRY, Job.counting(expireTokens::expireAll));
        jobs.put(QUEUE_OPENING, Job.counting(openSales::openDue));
        jobs.put(HOLD_EXPIRY, Job.counting(() -> inBatches(expireHolds::expireBatch)));
        jobs.put(IDEMPOTENCY_RETENTION, Job.counting(() -> inBatches(forgetKeys::forgetBatch)));
        jobs.put(OUTBOX_PRUNE, Job.counting(() -> inBatches(pruneOutbox::pruneBatch)));
        // the run goes on in the background, guarded by its own per-date row, not by this lease
        jobs.put(
                RECONCILIATION,
                Job.counting(() -> reconciliation.startScheduled().started() ? 1 : 0));
        jobs.put(TOPUP_SWEEPER, Job.counting(sweepTopUps::sweep));
        jobs.put(TOPUP_ORDER_RETENTION, Job.counting(() -> inBatches(forgetOrders::forgetBatch)));
        // the sync takes a lease of its own for as long as a run can last (sync.max-run-time)
        jobs.put(PARTNER_SYNC, name -> {
            RunPartnerSyncUseCase.Result result = partnerSync.run(PARTNER_SYNC_SCHEDULER);
            return switch (result.outcome()) {
                case RAN -> Result.ran(name, result.run().sent());
                case DISABLED -> Result.notRun(name, NotRun.DISABLED);
                case RUNNING_ELSEWHERE -> Result.notRun(name, NotRun.RUNNING_ELSEWHERE);
            };
        });
        // the job takes a lease of its own (the admin's cancel starts it too)
        jobs.put(SCHEDULE_CANCELLATION, Job.counting(scheduleCancellations::runPending));
        jobs.put(OUTBOX_RELAY, Job.counting(() -> {
            // a bounded number of batches per run, so one run never outlives its lease
            long delivered = 0;
            for (int batch = 0; batch < MAX_RELAY_BATCHES_PER_RUN; batch++) {
                RelayOutboxUseCase.Result result = relay.relayOnce();
                delivered += result.delivered();
                if (result.claimed() == 0 || result.delivered() < result.claimed()) {
                    break;
                }
            }
            return delivered;
        }));
    }

    @Override
    public Result run(String job) {
        Job work = jobs.get(job);
        if (work == null) {
            throw new NotFoundException("job", job);
        }
        Optional<JobLock.Lease> lease = lock.tryAcquire(job, settings.leaseTtl());
        if (lease.isEmpty()) {
            return Result.notRun(job, NotRun.LEASE_HELD);
        }
        try (JobLock.Lease held = lease.get()) {
            return work.run(job);
        }
    }

    /** Runs one transaction per batch until a batch comes back short. */
    private long inBatches(java.util.function.IntUnaryOperator batch) {
        long total = 0;
        int done;
        do {
            done = batch.applyAsInt(settings.batchSize());
            total += done;
        } while (done == settings.batchSize());
        return total;
    }

    @Override
    public Set<String> jobs() {
        return jobs.keySet();
    }
}
