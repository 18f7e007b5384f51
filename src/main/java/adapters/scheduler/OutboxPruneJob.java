package adapters.scheduler;

import application.jobs.RunJobUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes delivered events once their retention period is over. */
@ApplicationScoped
public class OutboxPruneJob {
    private final RunJobUseCase jobs;

    public OutboxPruneJob(RunJobUseCase jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            identity = "outbox-prune",
            every = "${events.relay.prune-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run under the job's lease; returns how many items it handled (0 when another instance ran it). */
    public long runOnce() {
        return jobs.run(RunJobUseCase.OUTBOX_PRUNE).processed();
    }
}
