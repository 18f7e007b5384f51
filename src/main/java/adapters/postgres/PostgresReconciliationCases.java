package adapters.postgres;

import application.reconciliation.port.out.ReconciliationCases;
import domain.reconciliation.CaseStatus;
import domain.reconciliation.Category;
import domain.reconciliation.OpenCases;
import domain.reconciliation.ReconciliationCase;
import domain.reconciliation.RecordType;
import domain.reconciliation.Resolution;
import domain.reconciliation.StatementKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cases. "One open case per record, stage and mismatch" is the partial unique index {@code
 * recon_case_one_open_uq}; opening is one INSERT … SELECT over the stage's mismatch items (along
 * {@code recon_item_category_idx}), closing one UPDATE … FROM joining the stage's open cases to this
 * run's items of the same records.
 */
@ApplicationScoped
public class PostgresReconciliationCases implements ReconciliationCases {
    private static final String COLUMNS = """
            seq, id, provider, kind, category, payment_key, record_type, record_id, business_date, opened_run_id,
            opened_at, pg_amount, our_amount, status, resolution, note, resolved_by, resolved_at""";

    private final EntityManager em;

    public PostgresReconciliationCases(EntityManager em) {
        this.em = em;
    }

    @Override
    public Changes sync(
            UUID runId,
            String provider,
            RecordType records,
            StatementKind kind,
            LocalDate date,
            Instant now,
            List<Category> opening,
            List<Category> heldBack,
            List<Resolution> settledBy,
            String closedBy) {
        Map<String, Object> p = new HashMap<>();
        p.put("run", runId);
        p.put("provider", provider);
        p.put("kind", kind.name());
        p.put("date", date);
        p.put("now", now);
        p.put("by", closedBy);
        p.put(
                "heldBack",
                Jdbc.array("varchar", heldBack.stream().map(Enum::name).toList()));
        long closed = Jdbc.update(em, """
                UPDATE recon_case c SET status = 'RESOLVED', resolution = 'AUTO_CLOSED', resolved_by = :by,
                       resolved_at = :now,
                       note = 'no longer ' || c.category || ' in run ' || i.run_id || ' of ' || CAST(:date AS date)
                              || ' (now ' || i.category || ')'
                FROM recon_item i
                WHERE c.status = 'OPEN' AND c.provider = :provider AND c.kind = :kind
                  AND i.run_id = :run AND i.provider = :provider AND i.kind = :kind
                  AND i.payment_key = c.payment_key AND i.category <> c.category
                  AND NOT (i.category = ANY(:heldBack))
                """, p);
        p.remove("heldBack");
        p.remove("by");
        p.put("recordType", records.name());
        p.put("opening", Jdbc.array("varchar", opening.stream().map(Enum::name).toList()));
        p.put(
                "settledBy",
                Jdbc.array("varchar", settledBy.stream().map(Enum::name).toList()));
        long opened = Jdbc.update(em, """
                INSERT INTO recon_case (id, provider, kind, category, payment_key, record_type, record_id,
                                        business_date, opened_run_id, opened_at, pg_amount, our_amount, status)
                SELECT gen_random_uuid(), i.provider, i.kind, i.category, i.payment_key,
                       CASE WHEN i.record_id IS NULL THEN NULL ELSE :recordType END, i.record_id, :date, i.run_id, :now,
                       i.pg_amount, i.our_amount, 'OPEN'
                FROM recon_item i
                WHERE i.run_id = :run AND i.provider = :provider AND i.kind = :kind
                  AND i.category = ANY(:opening)
                  AND NOT EXISTS (SELECT 1 FROM recon_case s
                                  WHERE s.provider = i.provider AND s.kind = i.kind AND s.payment_key = i.payment_key
                                    AND s.category = i.category AND s.resolution = ANY(:settledBy))
                ON CONFLICT (provider, kind, payment_key, category) WHERE status = 'OPEN' DO NOTHING
                """, p);
        return new Changes(opened, closed);
    }

    @Override
    public List<Listed> page(CaseStatus status, long afterSeq, int limit) {
        return Jdbc.query(
                em,
                "SELECT " + COLUMNS + " FROM recon_case WHERE status = :status AND seq > :after ORDER BY seq"
                        + " LIMIT :limit",
                Map.of("status", status.name(), "after", afterSeq, "limit", limit),
                row -> new Listed(row.longValue("seq"), reconciliationCase(row)));
    }

    @Override
    public Optional<ReconciliationCase> find(UUID id) {
        return Jdbc.query(
                        em,
                        "SELECT " + COLUMNS + " FROM recon_case WHERE id = :id",
                        Map.of("id", id),
                        PostgresReconciliationCases::reconciliationCase)
                .stream()
                .findFirst();
    }

    @Override
    public boolean resolve(ReconciliationCase resolved) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", resolved.id());
        p.put("resolution", resolved.resolution().name());
        p.put("note", resolved.note());
        p.put("by", resolved.resolvedBy());
        p.put("at", resolved.resolvedAt());
        return Jdbc.update(em, """
                UPDATE recon_case SET status = 'RESOLVED', resolution = :resolution, note = :note, resolved_by = :by,
                       resolved_at = :at
                WHERE id = :id AND status = 'OPEN'
                """, p) == 1;
    }

    @Override
    public List<OpenCases.Count> openCounts(Instant now) {
        return Jdbc.query(
                em,
                """
                SELECT provider, floor(greatest(extract(epoch FROM (CAST(:now AS timestamptz) - opened_at)), 0) / 86400)::bigint AS days,
                       count(*) AS cases
                FROM recon_case WHERE status = 'OPEN' GROUP BY 1, 2 ORDER BY 1, 2
                """,
                Map.of("now", now),
                row -> new OpenCases.Count(row.string("provider"), row.longValue("days"), row.longValue("cases")));
    }

    private static ReconciliationCase reconciliationCase(Jdbc.Row row) throws SQLException {
        String resolution = row.string("resolution");
        return new ReconciliationCase(
                row.uuid("id"),
                row.string("provider"),
                row.enumValue("kind", StatementKind.class),
                row.enumValue("category", Category.class),
                row.string("payment_key"),
                row.string("record_type"),
                row.uuid("record_id"),
                row.date("business_date"),
                row.uuid("opened_run_id"),
                row.instant("opened_at"),
                row.nullableLong("pg_amount"),
                row.nullableLong("our_amount"),
                row.enumValue("status", CaseStatus.class),
                resolution == null ? null : Resolution.valueOf(resolution),
                row.string("note"),
                row.string("resolved_by"),
                row.instant("resolved_at"));
    }
}
