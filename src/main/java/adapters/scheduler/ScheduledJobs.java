package adapters.scheduler;

import adapters.config.JobOutageLog;
import application.jobs.port.in.RunJobUseCase;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The in-process schedule of every background job. Each tick runs its job through
 * {@link RunJobUseCase}, under the job's lease, so N instances never do one job's work N times.
 * Where instances scale to zero, set {@code quarkus.scheduler.enabled=false} and let the platform's
 * scheduler call {@code POST /api/v1/admin/jobs/{name}/run} instead.
 */
@ApplicationScoped
public class ScheduledJobs {
    private final RunJobUseCase jobs;
    private final JobOutageLog outages;

    public ScheduledJobs(RunJobUseCase jobs, JobOutageLog outages) {
        this.jobs = jobs;
        this.outages = outages;
    }

    /** Lets waiting fans in, in arrival order, up to each concert's cap. */
    @Scheduled(
            identity = "queue-admission",
            every = "${queue.admit-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void admitWaitingFans() {
        tick(RunJobUseCase.QUEUE_ADMISSION);
    }

    /** Opens sales whose time has come: each pre-queue shuffled once and put in line (D52). */
    @Scheduled(
            identity = "queue-opening",
            every = "${queue.opening-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void openDueSales() {
        tick(RunJobUseCase.QUEUE_OPENING);
    }

    /** Sweeps ACTIVE tokens whose TTL passed (reads already treat them as ended). */
    @Scheduled(
            identity = "queue-token-expiry",
            every = "${queue.expiry-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void sweepEndedTokens() {
        tick(RunJobUseCase.QUEUE_TOKEN_EXPIRY);
    }

    /** Writes lapsed holds down as EXPIRED and frees their seats (reads already show them so). */
    @Scheduled(
            identity = "hold-expiry",
            every = "${reservation.expiry-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void expireLapsedHolds() {
        tick(RunJobUseCase.HOLD_EXPIRY);
    }

    /** Forgets Idempotency-Keys past their retention period. */
    @Scheduled(
            identity = "idempotency-retention",
            every = "${idempotency.retention-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void forgetOldIdempotencyKeys() {
        tick(RunJobUseCase.IDEMPOTENCY_RETENTION);
    }

    /** Delivers the outbox to the data platform (at least once, in order per aggregate). */
    @Scheduled(
            identity = "outbox-relay",
            every = "${events.relay.interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void relayOutbox() {
        tick(RunJobUseCase.OUTBOX_RELAY);
    }

    /** Deletes delivered events once their retention period is over. */
    @Scheduled(
            identity = "outbox-prune",
            every = "${events.relay.prune-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void pruneOutbox() {
        tick(RunJobUseCase.OUTBOX_PRUNE);
    }

    /** Settles PENDING top-ups whose PG has decided (a confirm's answer was lost). */
    @Scheduled(
            identity = "topup-sweeper",
            every = "${wallet.pending-sweep.interval:1m}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void sweepPendingTopUps() {
        tick(RunJobUseCase.TOPUP_SWEEPER);
    }

    /** Deletes top-up orders long expired (the per-user bound counts only open ones). */
    @Scheduled(
            identity = "topup-order-retention",
            every = "${idempotency.retention-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void forgetOldTopUpOrders() {
        tick(RunJobUseCase.TOPUP_ORDER_RETENTION);
    }

    /** Reconciles yesterday against the PGs' files, daily (08:00 Asia/Seoul by default). */
    @Scheduled(
            identity = "reconciliation",
            cron = "${reconciliation.cron}",
            timeZone = "${reconciliation.time-zone}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void reconcileYesterday() {
        tick(RunJobUseCase.RECONCILIATION);
    }

    /** Sends new and changed bookings to the membership app server (off unless sync.app-server.url is set). */
    @Scheduled(identity = "partner-sync", every = "${sync.every}", concurrentExecution = ConcurrentExecution.SKIP)
    void syncPartnerBookings() {
        tick(RunJobUseCase.PARTNER_SYNC);
    }

    /** Resumes the refund jobs of cancelled schedules that have not completed (D50). */
    @Scheduled(
            identity = "schedule-cancellation",
            every = "${refund.cancellation.every}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void resumeScheduleCancellations() {
        tick(RunJobUseCase.SCHEDULE_CANCELLATION);
    }

    /** A scheduled run: a store outage is one log line when it starts and one when it ends (JobOutageLog). */
    private void tick(String job) {
        outages.run(job, () -> runOnce(job));
    }

    /** One run of a job under its lease; returns how many items it handled (0 when another instance ran it). */
    public long runOnce(String job) {
        return jobs.run(job).processed();
    }
}
