package adapters.postgres;

import adapters.config.BookingConfig;
import application.queue.port.out.WaitingRoomCapacities;
import io.agroal.api.AgroalDataSource;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Waiting-room caps in table {@code waiting_room}, with a per-instance copy for the entry path: a
 * concert seen once answers from memory on the caller's thread (the event loop); a copy older than
 * {@code queue.capacity-cache-ttl} is still served while one background read refreshes it, and a
 * concert never seen is read on a worker thread with one auto-commit query, as
 * {@link PostgresConcertRepository#existsLater} does. Every fresh read ({@link #current}) also
 * refreshes the copy.
 */
@ApplicationScoped
public class PostgresWaitingRoomCapacities implements WaitingRoomCapacities {
    private static final Logger LOG = Logger.getLogger(PostgresWaitingRoomCapacities.class);

    private record Cached(Optional<Stored> stored, long refreshAfterNanos) {}

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Vertx vertx;
    private final long ttlNanos;

    public PostgresWaitingRoomCapacities(
            EntityManager em, AgroalDataSource dataSource, Vertx vertx, BookingConfig.Queue config) {
        this.em = em;
        this.dataSource = dataSource;
        this.vertx = vertx;
        this.ttlNanos = config.capacityCacheTtl().toNanos();
    }

    @Override
    public Stored store(long concertId, int maxActive, Instant now) {
        Stored stored = Jdbc.one(
                em,
                """
                INSERT INTO waiting_room (concert_id, max_active, version, updated_at)
                VALUES (:concert, :maxActive, 1, :now)
                ON CONFLICT (concert_id) DO UPDATE
                    SET max_active = EXCLUDED.max_active,
                        version = waiting_room.version + 1,
                        updated_at = EXCLUDED.updated_at
                RETURNING max_active, version
                """,
                Map.of("concert", concertId, "maxActive", maxActive, "now", now),
                PostgresWaitingRoomCapacities::stored);
        // not remembered before the commit: the next read (or the admission job's) sees it
        cache.remove(concertId);
        return stored;
    }

    @Override
    public Map<Long, Stored> current(Collection<Long> concertIds) {
        try {
            Map<Long, Stored> found = read(concertIds);
            for (Long concertId : concertIds) {
                remember(concertId, Optional.ofNullable(found.get(concertId)));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("reading waiting-room caps failed", e);
        }
    }

    @Override
    public Optional<Stored> recent(long concertId) {
        Cached cached = cache.get(concertId);
        if (cached != null) {
            refreshIfOld(concertId, cached);
            return cached.stored();
        }
        return Optional.ofNullable(current(List.of(concertId)).get(concertId));
    }

    @Override
    public CompletionStage<Optional<Stored>> recentLater(long concertId) {
        Cached cached = cache.get(concertId);
        if (cached != null) {
            refreshIfOld(concertId, cached);
            return CompletableFuture.completedFuture(cached.stored());
        }
        return vertx.executeBlocking(
                        () -> Optional.ofNullable(current(List.of(concertId)).get(concertId)), false)
                .toCompletionStage();
    }

    /** One refresh per expired copy: the thread that wins the swap reads; the others serve the copy. */
    private void refreshIfOld(long concertId, Cached cached) {
        long now = System.nanoTime();
        if (now - cached.refreshAfterNanos() < 0) {
            return;
        }
        if (!cache.replace(concertId, cached, new Cached(cached.stored(), now + ttlNanos))) {
            return;
        }
        vertx.executeBlocking(() -> current(List.of(concertId)), false)
                .onFailure(e -> LOG.debugf(
                        "refreshing the cap of concert %d failed; the copy is kept: %s", concertId, e.getMessage()));
    }

    private void remember(long concertId, Optional<Stored> stored) {
        cache.put(concertId, new Cached(stored, System.nanoTime() + ttlNanos));
    }

    private Map<Long, Stored> read(Collection<Long> concertIds) throws SQLException {
        Map<Long, Stored> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.query(
                            connection,
                            "SELECT concert_id, max_active, version FROM waiting_room WHERE concert_id = ANY (:ids)",
                            Map.of("ids", Jdbc.array("bigint", concertIds)),
                            row -> Map.entry(row.longValue("concert_id"), stored(row)))
                    .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        }
        return found;
    }

    private static Stored stored(Jdbc.Row row) throws SQLException {
        return new Stored(row.intValue("max_active"), row.longValue("version"));
    }
}
