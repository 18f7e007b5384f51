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

    /** {@code ran} is false when another instance held the lease; {@code processed} counts the items handled. */
    record Result(String job, boolean ran, long processed) {}
}
