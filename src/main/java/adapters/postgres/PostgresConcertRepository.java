package adapters.postgres;

import adapters.config.BookingConfig;
import application.catalog.port.out.ConcertRepository;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.Inventory;
import domain.concert.Schedule;
import domain.concert.ScheduleAvailability;
import domain.concert.Seat;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class PostgresConcertRepository implements ConcertRepository, PanacheRepositoryBase<ConcertEntity, Long> {
    /** Concerts and schedules are never deleted or moved, so what was found once stays true. */
    private final Map<Long, Long> concertOfSchedule = new ConcurrentHashMap<>();

    private final Map<Long, Schedule> schedules = new ConcurrentHashMap<>();

    private final Map<Long, Boolean> knownConcerts = new ConcurrentHashMap<>();

    private record Cached(Optional<Concert> concert, long refreshAfterNanos) {}

    /** The entry path's copy of each concert's on-sale time (D52), at most {@code queue.opening-cache-ttl} old. */
    private final Map<Long, Cached> recent = new ConcurrentHashMap<>();

    private final AgroalDataSource dataSource;
    private final Vertx vertx;
    private final long ttlNanos;

    public PostgresConcertRepository(AgroalDataSource dataSource, Vertx vertx, BookingConfig.Queue config) {
        this.dataSource = dataSource;
        this.vertx = vertx;
        this.ttlNanos = config.openingCacheTtl().toNanos();
    }

    @Override
    public Concert create(ConcertPlan plan, Instant now) {
        ConcertEntity concert = new ConcertEntity();
        concert.title = plan.title();
        concert.createdAt = now;
        concert.opensAt = plan.opensAt();
        persist(concert);
        List<Schedule> schedules = new ArrayList<>();
        for (ConcertPlan.SchedulePlan planned : plan.schedules()) {
            ScheduleEntity schedule = new ScheduleEntity();
            schedule.concertId = concert.id;
            schedule.startsAt = planned.startsAt();
            schedule.seatCount = planned.seatCount();
            getEntityManager().persist(schedule);
            // the seats in one set-based INSERT (the schedule has its IDENTITY id since persist)
            Jdbc.update(
                    getEntityManager(),
                    """
                    INSERT INTO seat (schedule_id, number, price, status)
                    SELECT :schedule, n, :price, 'AVAILABLE' FROM generate_series(1, :count) AS n
                    """,
                    Map.of("schedule", schedule.id, "price", planned.price().won(), "count", planned.seatCount()));
            schedules.add(new Schedule(schedule.id, concert.id, schedule.startsAt));
        }
        return new Concert(concert.id, concert.title, schedules, concert.opensAt);
    }

    /** Keyset on the primary key, ascending: a concert created meanwhile comes after the key (a later page). */
    @Override
    public Page<Concert> list(PageRequest page) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("limit", page.probe());
        String after = "";
        if (page.after() != null) {
            after = " WHERE id > :after";
            parameters.put("after", page.after().position());
        }
        List<Concert> rows = Jdbc.query(
                getEntityManager(),
                "SELECT id, title, opens_at FROM concert" + after + " ORDER BY id LIMIT :limit",
                parameters,
                row -> new Concert(row.longValue("id"), row.string("title"), List.of(), row.instant("opens_at")));
        return Page.of(rows, page, concert -> PageKey.of(concert.id()));
    }

    @Override
    public Optional<Concert> find(long concertId) {
        return findByIdOptional(concertId).map(e -> new Concert(e.id, e.title, List.of(), e.opensAt));
    }

    /**
     * A concert seen lately answers from memory on the caller's thread; an older copy is served while
     * one background read refreshes it (as {@link PostgresWaitingRoomCapacities#recentLater}); a
     * concert never seen is read on a worker thread with one auto-commit query.
     */
    @Override
    public CompletionStage<Optional<Concert>> recentLater(long concertId) {
        Cached cached = recent.get(concertId);
        if (cached != null) {
            long now = System.nanoTime();
            if (now - cached.refreshAfterNanos() >= 0
                    && recent.replace(concertId, cached, new Cached(cached.concert(), now + ttlNanos))) {
                vertx.executeBlocking(() -> readRecent(concertId), false);
            }
            return CompletableFuture.completedFuture(cached.concert());
        }
        return vertx.executeBlocking(() -> readRecent(concertId), false).toCompletionStage();
    }

    private Optional<Concert> readRecent(long concertId) throws SQLException {
        Optional<Concert> found;
        try (Connection connection = dataSource.getConnection()) {
            found = Jdbc.query(
                            connection,
                            "SELECT id, title, opens_at FROM concert WHERE id = :id",
                            Map.of("id", concertId),
                            row -> new Concert(
                                    row.longValue("id"), row.string("title"), List.of(), row.instant("opens_at")))
                    .stream()
                    .findFirst();
        }
        // an unknown id is not remembered: a concert created meanwhile is found at once
        if (found.isPresent()) {
            recent.put(concertId, new Cached(found, System.nanoTime() + ttlNanos));
            knownConcerts.put(concertId, Boolean.TRUE);
        }
        return found;
    }

    @Override
    public boolean setOpensAt(long concertId, Instant opensAt) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("id", concertId);
        parameters.put("opensAt", opensAt);
        boolean updated =
                Jdbc.update(getEntityManager(), "UPDATE concert SET opens_at = :opensAt WHERE id = :id", parameters)
                        == 1;
        // this instance reads it again; the others within queue.opening-cache-ttl
        recent.remove(concertId);
        return updated;
    }

    /**
     * Two EXISTS per concert, so a concert with seats to sell answers at its first free seat (the
     * index {@code seat_schedule_open_idx} holds only unsold seats): the statement spells {@code
     * Seat.isAvailableAt} and a live hold, over schedules not yet started and not cancelled (a
     * cancelled schedule's refunded seats are AVAILABLE again, but not for sale).
     */
    @Override
    public Map<Long, Inventory> inventory(Collection<Long> concertIds, Instant now) {
        Map<Long, Inventory> found = new java.util.HashMap<>();
        for (Long concertId : concertIds) {
            found.put(concertId, new Inventory(false, false));
        }
        if (concertIds.isEmpty()) {
            return found;
        }
        // one auto-commit query on a pooled connection: the admission job runs outside any transaction
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.query(
                            connection,
                            """
                        SELECT c.id,
                            EXISTS (SELECT 1 FROM schedule sc JOIN seat st ON st.schedule_id = sc.id
                                    WHERE sc.concert_id = c.id AND sc.starts_at > :now AND sc.cancelled_at IS NULL AND st.status <> 'SOLD'
                                      AND (st.status = 'AVAILABLE' OR st.hold_expires_at <= :now))::int AS free,
                            EXISTS (SELECT 1 FROM schedule sc JOIN seat st ON st.schedule_id = sc.id
                                    WHERE sc.concert_id = c.id AND sc.starts_at > :now AND sc.cancelled_at IS NULL
                                      AND st.status = 'HELD' AND st.hold_expires_at > :now)::int AS held
                        FROM concert c WHERE c.id = ANY (:ids)
                        """,
                            Map.of("ids", Jdbc.array("bigint", concertIds), "now", now),
                            row -> Map.entry(
                                    row.longValue("id"),
                                    new Inventory(row.intValue("free") == 1, row.intValue("held") == 1)))
                    .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the concerts' inventory failed", e);
        }
        return found;
    }

    @Override
    public boolean exists(long concertId) {
        if (knownConcerts.containsKey(concertId)) {
            return true;
        }
        boolean found = count("id", concertId) > 0;
        if (found) {
            knownConcerts.put(concertId, Boolean.TRUE);
        }
        return found;
    }

    /**
     * A known concert answers at once, on the caller's thread (the event loop for queue entry); an
     * unknown id is looked up on a worker thread with one auto-commit query on a pooled connection:
     * no persistence context or transaction is active there, and none is needed for one row.
     */
    @Override
    public CompletionStage<Boolean> existsLater(long concertId) {
        if (knownConcerts.containsKey(concertId)) {
            return CompletableFuture.completedFuture(Boolean.TRUE);
        }
        return vertx.executeBlocking(() -> existsInDatabase(concertId), false).toCompletionStage();
    }

    private boolean existsInDatabase(long concertId) throws SQLException {
        boolean found;
        try (Connection connection = dataSource.getConnection()) {
            found = !Jdbc.query(
                            connection, "SELECT 1 FROM concert WHERE id = :id", Map.of("id", concertId), row -> true)
                    .isEmpty();
        }
        if (found) {
            knownConcerts.put(concertId, Boolean.TRUE);
        }
        return found;
    }

    @Override
    public Optional<Long> concertOfSchedule(long scheduleId) {
        Long cached = concertOfSchedule.get(scheduleId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> found = getEntityManager()
                .createQuery("select s.concertId from ScheduleEntity s where s.id = :id", Long.class)
                .setParameter("id", scheduleId)
                .getResultStream()
                .findFirst();
        found.ifPresent(concertId -> concertOfSchedule.put(scheduleId, concertId));
        return found;
    }

    @Override
    public Optional<Schedule> schedule(long scheduleId) {
        Schedule cached = schedules.get(scheduleId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Schedule> found = getEntityManager()
                .createQuery("from ScheduleEntity s where s.id = :id", ScheduleEntity.class)
                .setParameter("id", scheduleId)
                .getResultStream()
                .findFirst()
                .map(s -> new Schedule(s.id, s.concertId, s.startsAt));
        found.ifPresent(schedule -> schedules.put(scheduleId, schedule));
        return found;
    }

    @Override
    public List<ScheduleAvailability> availableSchedules(long concertId, Instant now) {
        return Jdbc.query(
                getEntityManager(),
                """
                SELECT sc.id, sc.starts_at, a.available
                FROM schedule sc
                CROSS JOIN LATERAL (
                    SELECT count(*) AS available FROM seat st
                    WHERE st.schedule_id = sc.id AND st.status <> 'SOLD'
                      AND (st.status = 'AVAILABLE' OR st.hold_expires_at <= :now)
                ) a
                WHERE sc.concert_id = :concert AND sc.starts_at > :now AND sc.cancelled_at IS NULL AND a.available > 0
                ORDER BY sc.starts_at, sc.id
                """,
                Map.of("concert", concertId, "now", now),
                row -> new ScheduleAvailability(
                        row.longValue("id"), row.instant("starts_at"), row.longValue("available")));
    }

    @Override
    public List<Seat> seatsOf(long scheduleId) {
        return getEntityManager()
                .createQuery("from SeatEntity s where s.scheduleId = :schedule order by s.number", SeatEntity.class)
                .setParameter("schedule", scheduleId)
                .getResultStream()
                .map(PersistenceMapper::seat)
                .toList();
    }
}
