package adapters.scheduler;

import application.jobs.RunJobUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Delivers the outbox to the data platform (at least once, in order per aggregate). */
@ApplicationScoped
public class OutboxRelayJob {
    private final RunJobUseCase jobs;

    public OutboxRelayJob(RunJobUseCase jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            identity = "outbox-relay",
            every = "${events.relay.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run under the job's lease; returns how many items it handled (0 when another instance ran it). */
    public long runOnce() {
        return jobs.run(RunJobUseCase.OUTBOX_RELAY).processed();
    }
}
