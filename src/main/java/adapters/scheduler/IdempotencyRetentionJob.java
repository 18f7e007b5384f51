package adapters.scheduler;

import application.jobs.RunJobUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Forgets Idempotency-Keys past their retention period, so the table does not grow forever. */
@ApplicationScoped
public class IdempotencyRetentionJob {
    private final RunJobUseCase jobs;

    public IdempotencyRetentionJob(RunJobUseCase jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            identity = "idempotency-retention",
            every = "${idempotency.retention-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run under the job's lease; returns how many keys it forgot (0 when another instance ran it). */
    public long runOnce() {
        return jobs.run(RunJobUseCase.IDEMPOTENCY_RETENTION).processed();
    }
}
