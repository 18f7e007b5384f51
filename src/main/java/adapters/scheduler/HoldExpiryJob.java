package adapters.scheduler;

import application.jobs.RunJobUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes lapsed holds down as EXPIRED and frees their seats, a batch per transaction until none is
 * left. Reads already show them as expired; this keeps the rows truthful. Safe on any number of
 * instances: each row is claimed by one of them (FOR UPDATE SKIP LOCKED).
 */
@ApplicationScoped
public class HoldExpiryJob {
    private final RunJobUseCase jobs;

    public HoldExpiryJob(RunJobUseCase jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            identity = "hold-expiry",
            every = "${reservation.expiry-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run under the job's lease; returns how many items it handled (0 when another instance ran it). */
    public long runOnce() {
        return jobs.run(RunJobUseCase.HOLD_EXPIRY).processed();
    }
}
