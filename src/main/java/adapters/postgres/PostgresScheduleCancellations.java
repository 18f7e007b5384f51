package adapters.postgres;

import application.refund.port.out.ScheduleCancellations;
import domain.refund.ScheduleCancellation;
import domain.reservation.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tables {@code schedule.cancelled_at} and {@code schedule_cancellation} (V11). Cancelling locks the
 * schedule row FOR UPDATE first: holds and payments take FOR KEY SHARE on it ({@link
 * PostgresSeatInventory}), so the cancellation waits for those in flight and those after it see it
 * cancelled. Only then are the paid seats counted, on a fresh snapshot.
 */
@ApplicationScoped
public class PostgresScheduleCancellations implements ScheduleCancellations {
    private static final String JOB = """
            SELECT c.schedule_id, c.job_id, c.status, c.requested_by, c.total, c.refunded, c.holds_cancelled,
                   c.cursor_id, c.started_at, c.finished_at,
                   (SELECT count(*) FROM reservation r
                    WHERE r.schedule_id = c.schedule_id AND r.status = 'CONFIRMED') AS remaining
            FROM schedule_cancellation c
            """;

    private final EntityManager em;

    public PostgresScheduleCancellations(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Started> cancel(long scheduleId, UUID jobId, String requestedBy, Instant now) {
        List<Long> concert = Jdbc.query(
                em,
                "SELECT concert_id FROM schedule WHERE id = :schedule FOR UPDATE",
                Map.of("schedule", scheduleId),
                row -> row.longValue("concert_id"));
        if (concert.isEmpty()) {
            return Optional.empty();
        }
        Optional<ScheduleCancellation> existing = find(scheduleId);
        if (existing.isPresent()) {
            return Optional.of(new Started(existing.get(), concert.getFirst(), false));
        }
        Jdbc.update(
                em,
                "UPDATE schedule SET cancelled_at = :now WHERE id = :schedule AND cancelled_at IS NULL",
                Map.of("schedule", scheduleId, "now", now));
        Jdbc.update(em, """
                INSERT INTO schedule_cancellation (schedule_id, job_id, status, requested_by, total, started_at, updated_at)
                SELECT :schedule, :job, 'RUNNING', :by, count(*), :now, :now
                FROM reservation WHERE schedule_id = :schedule AND status = 'CONFIRMED'
                """, Map.of("schedule", scheduleId, "job", jobId, "by", requestedBy, "now", now));
        return Optional.of(new Started(find(scheduleId).orElseThrow(), concert.getFirst(), true));
    }

    @Override
    public Optional<ScheduleCancellation> find(long scheduleId) {
        return Jdbc.query(
                        em,
                        JOB + "WHERE c.schedule_id = :schedule",
                        Map.of("schedule", scheduleId),
                        PostgresScheduleCancellations::cancellation)
                .stream()
                .findFirst();
    }

    @Override
    public boolean isCancelled(long scheduleId) {
        return Jdbc.query(
                        em,
                        "SELECT cancelled_at FROM schedule WHERE id = :schedule",
                        Map.of("schedule", scheduleId),
                        row -> row.instant("cancelled_at") != null)
                .stream()
                .findFirst()
                .orElse(false);
    }

    @Override
    public List<Long> running() {
        return Jdbc.query(
                em,
                "SELECT schedule_id FROM schedule_cancellation WHERE status = 'RUNNING' ORDER BY started_at",
                Map.of(),
                row -> row.longValue("schedule_id"));
    }

    @Override
    public ScheduleCancellation lock(long scheduleId) {
        Jdbc.query(
                em,
                "SELECT schedule_id FROM schedule_cancellation WHERE schedule_id = :schedule FOR UPDATE",
                Map.of("schedule", scheduleId),
                row -> row.longValue("schedule_id"));
        return find(scheduleId)
                .orElseThrow(() -> new IllegalStateException("schedule " + scheduleId + " is not cancelled"));
    }

    @Override
    public List<Reservation> paidAfter(long scheduleId, UUID after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("schedule", scheduleId);
        parameters.put("after", after == null ? new UUID(0, 0) : after);
        parameters.put("limit", limit);
        return Jdbc.query(em, """
                SELECT * FROM reservation
                WHERE schedule_id = :schedule AND status = 'CONFIRMED' AND id > :after
                ORDER BY id
                LIMIT :limit
                """, parameters, PersistenceMapper::reservation);
    }

    @Override
    public List<Reservation> liveHolds(long scheduleId, Instant now, int limit) {
        return Jdbc.query(
                em,
                """
                SELECT * FROM reservation
                WHERE schedule_id = :schedule AND %s
                ORDER BY id
                LIMIT :limit
                """.formatted(PostgresReservationRepository.LIVE_HOLD),
                Map.of("schedule", scheduleId, "now", now, "limit", limit),
                PersistenceMapper::reservation);
    }

    @Override
    public void advance(long scheduleId, UUID cursor, long refunded, long holdsCancelled, Instant now) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("schedule", scheduleId);
        parameters.put("cursor", cursor);
        parameters.put("refunded", refunded);
        parameters.put("holds", holdsCancelled);
        parameters.put("now", now);
        Jdbc.update(em, """
                UPDATE schedule_cancellation
                SET cursor_id = CAST(:cursor AS uuid), refunded = refunded + :refunded,
                    holds_cancelled = holds_cancelled + :holds, updated_at = :now
                WHERE schedule_id = :schedule
                """, parameters);
    }

    @Override
    public void complete(long scheduleId, Instant now) {
        Jdbc.update(em, """
                UPDATE schedule_cancellation SET status = 'COMPLETED', finished_at = :now, updated_at = :now
                WHERE schedule_id = :schedule AND status = 'RUNNING'
                """, Map.of("schedule", scheduleId, "now", now));
    }

    @Override
    public boolean concertHasAnotherScheduleOnSale(long scheduleId, Instant now) {
        return Jdbc.one(em, """
                SELECT count(*) AS on_sale
                FROM schedule other JOIN schedule this ON this.concert_id = other.concert_id
                WHERE this.id = :schedule AND other.id <> this.id
                  AND other.cancelled_at IS NULL AND other.starts_at > :now
                """, Map.of("schedule", scheduleId, "now", now), row -> row.longValue("on_sale") > 0);
    }

    private static ScheduleCancellation cancellation(Jdbc.Row row) throws SQLException {
        return new ScheduleCancellation(
                row.longValue("schedule_id"),
                row.uuid("job_id"),
                row.enumValue("status", ScheduleCancellation.Status.class),
                row.string("requested_by"),
                row.longValue("total"),
                row.longValue("refunded"),
                row.longValue("holds_cancelled"),
                row.longValue("remaining"),
                row.uuid("cursor_id"),
                row.instant("started_at"),
                row.instant("finished_at"));
    }
}
