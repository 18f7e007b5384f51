package application.queue.port.out;

import application.shared.Stages;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Each concert's {@code maxActive} (0 = sale paused) as the operator set it: kept in the database,
 * the source of truth, so a waiting room that lost its store comes back with its cap (D32). A
 * concert that was never set has none: the configured default applies.
 */
public interface WaitingRoomCapacities {
    /** Stores the cap (in the caller's transaction) and returns it with its new version. */
    Stored store(long concertId, int maxActive, Instant now);

    /** The stored caps of these concerts, read now (absent: never set). */
    Map<Long, Stored> current(Collection<Long> concertIds);

    /**
     * The stored cap as this instance saw it lately (at most {@code queue.capacity-cache-ttl} old);
     * read from the database when this instance has not seen the concert yet.
     */
    Optional<Stored> recent(long concertId);

    /**
     * {@link #recent} without blocking the caller's thread: queue entry runs on the event loop. This
     * default answers at once from {@link #recent}; a store that must ask a database answers when it
     * has (off the caller's thread).
     */
    default CompletionStage<Optional<Stored>> recentLater(long concertId) {
        return Stages.now(() -> recent(concertId));
    }

    /**
     * A cap and its version: every change increments the version, so a store that follows the
     * database (Redis) never lets an older value overwrite a newer one.
     */
    record Stored(int maxActive, long version) {}
}
