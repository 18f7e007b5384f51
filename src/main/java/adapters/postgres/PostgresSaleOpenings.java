package adapters.postgres;

import application.queue.port.out.SaleOpenings;
import domain.queue.SaleOpeningRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sale openings in table {@code sale_opening} (V13), one row per concert: the audit and the marker. */
@ApplicationScoped
public class PostgresSaleOpenings implements SaleOpenings {
    private static final String COLUMNS =
            "concert_id, opens_at, seed, pre_queue_size, input_digest, started_at, order_digest, completed_at";

    private final EntityManager em;

    public PostgresSaleOpenings(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return Jdbc.query(
                em,
                """
                SELECT c.id, c.opens_at FROM concert c
                WHERE c.opens_at <= :now
                  AND NOT EXISTS (SELECT 1 FROM sale_opening o WHERE o.concert_id = c.id AND o.completed_at IS NOT NULL)
                ORDER BY c.opens_at, c.id
                LIMIT :limit
                """,
                Map.of("now", now, "limit", limit),
                row -> new Due(row.longValue("id"), row.instant("opens_at")));
    }

    @Override
    public SaleOpeningRecord claim(SaleOpeningRecord proposed) {
        Jdbc.update(
                em,
                """
                INSERT INTO sale_opening (concert_id, opens_at, seed, pre_queue_size, input_digest, started_at)
                VALUES (:concert, :opensAt, :seed, :size, :input, :startedAt)
                ON CONFLICT (concert_id) DO NOTHING
                """,
                Map.of(
                        "concert", proposed.concertId(),
                        "opensAt", proposed.opensAt(),
                        "seed", proposed.seed(),
                        "size", proposed.preQueueSize(),
                        "input", proposed.inputDigest(),
                        "startedAt", proposed.startedAt()));
        return find(proposed.concertId()).orElseThrow();
    }

    @Override
    public boolean complete(long concertId, String orderDigest, Instant at) {
        return Jdbc.update(em, """
                        UPDATE sale_opening SET order_digest = :order, completed_at = :at
                        WHERE concert_id = :concert AND completed_at IS NULL
                        """, Map.of("concert", concertId, "order", orderDigest, "at", at)) == 1;
    }

    @Override
    public Optional<SaleOpeningRecord> find(long concertId) {
        return Jdbc.query(
                        em,
                        "SELECT " + COLUMNS + " FROM sale_opening WHERE concert_id = :concert",
                        Map.of("concert", concertId),
                        PostgresSaleOpenings::record)
                .stream()
                .findFirst();
    }

    private static SaleOpeningRecord record(Jdbc.Row row) throws SQLException {
        return new SaleOpeningRecord(
                row.longValue("concert_id"),
                row.instant("opens_at"),
                row.string("seed"),
                row.intValue("pre_queue_size"),
                row.string("input_digest"),
                row.instant("started_at"),
                row.string("order_digest"),
                row.instant("completed_at"));
    }
}
