package application.refund;

import application.events.port.out.OutboxPort;
import application.refund.port.in.CancelScheduleUseCase;
import application.refund.port.in.RunScheduleCancellationsUseCase;
import application.refund.port.out.ScheduleCancellations;
import application.shared.port.out.AfterCommit;
import application.shared.port.out.BackgroundWork;
import domain.event.RefundEvents;
import domain.refund.ScheduleCancellation;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Cancels a schedule in one transaction (it sells nothing from the commit on; ScheduleCancelled goes
 * out with it) and, after the commit, starts its refund job on a background thread. The scheduler
 * runs the job too, so a job whose start was lost (a crash, the lease held elsewhere) still runs.
 */
@ApplicationScoped
public class CancelScheduleService implements CancelScheduleUseCase {
    private final ScheduleCancellations cancellations;
    private final OutboxPort outbox;
    private final AfterCommit afterCommit;
    private final BackgroundWork background;
    private final RunScheduleCancellationsUseCase job;
    private final Clock clock;

    public CancelScheduleService(
            ScheduleCancellations cancellations,
            OutboxPort outbox,
            AfterCommit afterCommit,
            BackgroundWork background,
            RunScheduleCancellationsUseCase job,
            Clock clock) {
        this.cancellations = cancellations;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.background = background;
        this.job = job;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ScheduleCancellation cancel(long scheduleId, String requestedBy) {
        Instant now = clock.instant();
        ScheduleCancellations.Started started = cancellations
                .cancel(scheduleId, UUID.randomUUID(), requestedBy, now)
                .orElseThrow(() -> new NotFoundException("schedule", scheduleId));
        if (started.created()) {
            outbox.append(RefundEvents.scheduleCancelled(
                    UUID.randomUUID(), started.concertId(), started.cancellation(), now));
        }
        if (started.cancellation().status() == ScheduleCancellation.Status.RUNNING) {
            afterCommit.run(() -> background.submit(job::runPending));
        }
        return started.cancellation();
    }
}
