package adapters.scheduler;

import application.jobs.RunJobUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sweeps ACTIVE tokens whose TTL passed. Reads already treat them as ended; the sweep keeps the
 * sets small. Safe on any number of instances (one atomic script per concert).
 */
@ApplicationScoped
public class ActiveTokenExpiryJob {
    private final RunJobUseCase jobs;

    public ActiveTokenExpiryJob(RunJobUseCase jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            identity = "queue-token-expiry",
            every = "${queue.expiry-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run under the job's lease; returns how many items it handled (0 when another instance ran it). */
    public long runOnce() {
        return jobs.run(RunJobUseCase.QUEUE_TOKEN_EXPIRY).processed();
    }
}
