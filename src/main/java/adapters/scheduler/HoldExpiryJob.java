package adapters.scheduler;

import adapters.config.BookingConfig;
import application.booking.ExpireHoldsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes lapsed holds down as EXPIRED and frees their seats, a batch per transaction until none is
 * left. Reads already show them as expired; this keeps the rows truthful. Safe on any number of
 * instances: each row is claimed by one of them (FOR UPDATE SKIP LOCKED).
 */
@ApplicationScoped
public class HoldExpiryJob {
    private final ExpireHoldsUseCase expire;
    private final int batchSize;

    public HoldExpiryJob(ExpireHoldsUseCase expire, BookingConfig.Reservation config) {
        this.expire = expire;
        this.batchSize = config.expiryBatchSize();
    }

    @Scheduled(
            identity = "hold-expiry",
            every = "${reservation.expiry-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One run of the job; returns how many items it handled. */
    public long runOnce() {
        long total = 0;
        int expired;
        do {
            expired = expire.expireBatch(batchSize);
            total += expired;
        } while (expired == batchSize);
        return total;
    }
}
