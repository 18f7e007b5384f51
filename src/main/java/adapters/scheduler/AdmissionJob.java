package adapters.scheduler;

import application.jobs.RunJobUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Lets waiting fans in. Safe on any number of instances: each round is one atomic Redis script per concert. */
@ApplicationScoped
public class AdmissionJob {
    private final RunJobUseCase jobs;

    public AdmissionJob(RunJobUseCase jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            identity = "queue-admission",
            every = "${queue.admit-interval}",
            delayed = "${queue.admit-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run under the job's lease; returns how many items it handled (0 when another instance ran it). */
    public long runOnce() {
        return jobs.run(RunJobUseCase.QUEUE_ADMISSION).processed();
    }
}
