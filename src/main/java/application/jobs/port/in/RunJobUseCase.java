package application.jobs.port.in;

import java.util.Set;

/**
 * Runs a background job once, under a lease so that only one instance runs it at a time. Called by
 * the in-process scheduler and, where instances scale to zero, by an external scheduler over HTTP.
 */
public interface RunJobUseCase {
    String QUEUE_ADMISSION = "queue-admission";
    String QUEUE_TOKEN_EXPIRY = "queue-token-expiry";
    /** Opens due sales: each pre-queue shuffled once and put in line (D52). */
    String QUEUE_OPENING = "queue-opening";

    String HOLD_EXPIRY = "hold-expiry";
    String IDEMPOTENCY_RETENTION = "idempotency-retention";
    String OUTBOX_RELAY = "outbox-relay";
    String OUTBOX_PRUNE = "outbox-prune";
    /** Asks the PGs about PENDING top-ups older than wallet.pending-sweep.after and settles them. */
    String TOPUP_SWEEPER = "topup-sweeper";
    /** Deletes top-up orders that expired longer than wallet.top-up-orders.retention ago. */
    String TOPUP_ORDER_RETENTION = "topup-order-retention";
    /** Starts the daily reconciliation of yesterday (PGs' zone) unless it already completed. */
    String RECONCILIATION = "reconciliation";
    /** Sends new and changed bookings to the membership app server (docs/sync.md); counts records sent. */
    String PARTNER_SYNC = "partner-sync";
    /** Refunds the paid seats and cancels the holds of cancelled schedules, resuming unfinished jobs (D50). */
    String SCHEDULE_CANCELLATION = "schedule-cancellation";

    /** @throws domain.shared.NotFoundException for an unknown job name */
    Result run(String job);

    Set<String> jobs();

    /**
     * {@code ran} is false when the job did no work, and {@code notRunBecause} says why ({@link
     * NotRun}); {@code processed} counts the items handled.
     */
    record Result(String job, boolean ran, long processed, NotRun notRunBecause) {
        public Result {
            if (ran != (notRunBecause == null)) {
                throw new IllegalArgumentException("a job that did not run says why, one that ran does not");
            }
        }

        public static Result ran(String job, long processed) {
            return new Result(job, true, processed, null);
        }

        public static Result notRun(String job, NotRun because) {
            return new Result(job, false, 0, because);
        }
    }

    /** Why a job asked to run did no work. */
    enum NotRun {
        /** Another instance held the job's lease (and did the work). */
        LEASE_HELD,
        /** The job is switched off on this deployment (partner-sync without sync.app-server.url). */
        DISABLED,
        /** The job's own lease (partner-sync's, held for a whole run) was held by another run. */
        RUNNING_ELSEWHERE
    }
}
