package adapters.postgres;

import application.catalog.port.out.ConcertRepository;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
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

    private final AgroalDataSource dataSource;
    private final Vertx vertx;

    public PostgresConcertRepository(AgroalDataSource dataSource, Vertx vertx) {
        this.dataSource = dataSource;
        this.vertx = vertx;
    }

    @Override
    public Concert create(ConcertPlan plan, Instant now) {
        ConcertEntity concert = new ConcertEntity();
        concert.title = plan.title();
        concert.createdAt = now;
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
        return new Concert(concert.id, concert.title, schedules);
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
                "SELECT id, title FROM concert" + after + " ORDER BY id LIMIT :limit",
                parameters,
                row -> new Concert(row.longValue("id"), row.string("title"), List.of()));
        return Page.of(rows, page, concert -> PageKey.of(concert.id()));
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
