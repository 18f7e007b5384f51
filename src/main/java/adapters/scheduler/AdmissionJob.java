package adapters.scheduler;

import application.queue.AdmitWaitingUsersUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Lets waiting fans in. Safe on any number of instances: each round is one atomic Redis script per concert. */
@ApplicationScoped
public class AdmissionJob {
    private final AdmitWaitingUsersUseCase admit;

    public AdmissionJob(AdmitWaitingUsersUseCase admit) {
        this.admit = admit;
    }

    @Scheduled(
            identity = "queue-admission",
            every = "${queue.admit-interval}",
            delayed = "${queue.admit-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run of the job; returns how many items it handled. */
    public long runOnce() {
        return admit.admitAll();
    }
}
