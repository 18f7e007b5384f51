package adapters.scheduler;

import application.queue.ExpireActiveTokensUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sweeps ACTIVE tokens whose TTL passed. Reads already treat them as ended; the sweep keeps the
 * sets small. Safe on any number of instances (one atomic script per concert).
 */
@ApplicationScoped
public class ActiveTokenExpiryJob {
    private final ExpireActiveTokensUseCase expire;

    public ActiveTokenExpiryJob(ExpireActiveTokensUseCase expire) {
        this.expire = expire;
    }

    @Scheduled(
            identity = "queue-token-expiry",
            every = "${queue.expiry-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run of the job; returns how many items it handled. */
    public long runOnce() {
        return expire.expireAll();
    }
}
