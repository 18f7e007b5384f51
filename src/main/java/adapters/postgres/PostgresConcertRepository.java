package adapters.postgres;

import application.catalog.port.out.ConcertRepository;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.Schedule;
import domain.concert.ScheduleAvailability;
import domain.concert.Seat;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
            getEntityManager().flush();
            getEntityManager()
                    .createNativeQuery("""
                            INSERT INTO seat (schedule_id, number, price, status)
                            SELECT :schedule, n, :price, 'AVAILABLE' FROM generate_series(1, :count) AS n
                            """)
                    .setParameter("schedule", schedule.id)
                    .setParameter("price", planned.price().won())
                    .setParameter("count", planned.seatCount())
                    .executeUpdate();
            schedules.add(new Schedule(schedule.id, concert.id, schedule.startsAt));
        }
        return new Concert(concert.id, concert.title, schedules);
    }

    @Override
    public List<Concert> list() {
        return findAll(Sort.by("id")).stream()
                .map(e -> new Concert(e.id, e.title, List.of()))
                .toList();
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM concert WHERE id = ?")) {
            statement.setLong(1, concertId);
            try (ResultSet found = statement.executeQuery()) {
                if (!found.next()) {
                    return false;
                }
            }
        }
        knownConcerts.put(concertId, Boolean.TRUE);
        return true;
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
    public List<ScheduleAvailability> availableSchedules(long concertId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                        SELECT sc.id, sc.starts_at, a.available
                        FROM schedule sc
                        CROSS JOIN LATERAL (
                            SELECT count(*) AS available FROM seat st
                            WHERE st.schedule_id = sc.id AND st.status <> 'SOLD'
                              AND (st.status = 'AVAILABLE' OR st.hold_expires_at <= :now)
                        ) a
                        WHERE sc.concert_id = :concert AND sc.starts_at > :now AND a.available > 0
                        ORDER BY sc.starts_at, sc.id
                        """)
                .setParameter("concert", concertId)
                .setParameter("now", now)
                .getResultList();
        return rows.stream()
                .map(row -> new ScheduleAvailability(
                        ((Number) row[0]).longValue(),
                        PersistenceMapper.instant(row[1]),
                        ((Number) row[2]).longValue()))
                .toList();
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
