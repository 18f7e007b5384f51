package application.events.port.in;

public interface PruneOutboxUseCase {
    /** Deletes one batch of events delivered longer ago than the retention period; returns how many. */
    int pruneBatch(int batchSize);
}
