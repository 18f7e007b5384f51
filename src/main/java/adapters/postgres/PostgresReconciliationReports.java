package adapters.postgres;

import application.reconciliation.port.out.ReconciliationReports;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.reconciliation.Action;
import domain.reconciliation.Category;
import domain.reconciliation.ItemFilter;
import domain.reconciliation.LineError;
import domain.reconciliation.ReconciledRecord;
import domain.reconciliation.RecordHistoryEntry;
import domain.reconciliation.ReportItem;
import domain.reconciliation.RunReport;
import domain.reconciliation.RunStatus;
import domain.reconciliation.StatementKind;
import domain.reconciliation.Trigger;
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
import java.util.function.Consumer;

/** The report's reads: runs, steps, line errors, and items page by page or streamed. */
@ApplicationScoped
public class PostgresReconciliationReports implements ReconciliationReports {
    private static final String ITEM_COLUMNS = """
            id, provider, kind, category, payment_key, line_no, pg_status, our_status, pg_amount, our_amount,
            fee, expected_fee, net, expected_net, action, note, record_id, state_to""";
    /**
     * The date's current (run, provider) pairs: for each provider, the latest run of the date that
     * has steps for it (a run of one provider replaces that provider's results only).
     */
    private static final String CURRENT = """
            SELECT DISTINCT ON (s.provider) s.run_id, s.provider
            FROM recon_step s JOIN recon_run r ON r.id = s.run_id
            WHERE r.business_date = :date
            ORDER BY s.provider, r.started_at DESC, r.id""";

    private static final int STREAM_FETCH_SIZE = 5_000;

    private final EntityManager em;
    private final ObjectMapper json;

    public PostgresReconciliationReports(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public Optional<RunReport> latest(LocalDate date, int lineErrorsShown) {
        return Jdbc.query(
                        em,
                        """
                        SELECT id, business_date, status, trigger, requested_by, provider, failure_reason, started_at,
                               finished_at, report_delivered_at, report_delivery_failure
                        FROM recon_run WHERE business_date = :date ORDER BY started_at DESC, id LIMIT 1
                        """,
                        Map.of("date", date),
                        row -> new RunRow(
                                row.uuid("id"),
                                row.enumValue("status", RunStatus.class),
                                row.enumValue("trigger", Trigger.class),
                                row.string("requested_by"),
                                row.string("provider"),
                                row.string("failure_reason"),
                                row.instant("started_at"),
                                row.instant("finished_at"),
                                row.instant("report_delivered_at"),
                                row.string("report_delivery_failure")))
                .stream()
                .findFirst()
                .map(run -> new RunReport(
                        run.id(),
                        date,
                        run.status(),
                        run.trigger(),
                        run.requestedBy(),
                        run.provider(),
                        run.failureReason(),
                        run.startedAt(),
                        run.finishedAt(),
                        steps(date, lineErrorsShown),
                        run.reportDeliveredAt(),
                        run.reportDeliveryFailure(),
                        null));
    }

    private record RunRow(
            UUID id,
            RunStatus status,
            Trigger trigger,
            String requestedBy,
            String provider,
            String failureReason,
            Instant startedAt,
            Instant finishedAt,
            Instant reportDeliveredAt,
            String reportDeliveryFailure) {}

    private List<RunReport.StepReport> steps(LocalDate date, int lineErrorsShown) {
        List<StepRow> steps = Jdbc.query(
                em,
                """
                WITH current AS (%s)
                SELECT s.run_id, s.provider, s.kind, s.status, s.file_name, s.rows_read, s.error_count,
                       s.failure_reason, s.summary::text AS summary, s.started_at, s.finished_at
                FROM recon_step s JOIN current c ON c.run_id = s.run_id AND c.provider = s.provider
                ORDER BY s.provider, s.kind
                """.formatted(CURRENT),
                Map.of("date", date),
                row -> new StepRow(
                        row.uuid("run_id"),
                        row.string("provider"),
                        row.enumValue("kind", StatementKind.class),
                        row.enumValue("status", RunStatus.class),
                        row.string("file_name"),
                        row.longValue("rows_read"),
                        row.longValue("error_count"),
                        row.string("failure_reason"),
                        row.string("summary"),
                        row.instant("started_at"),
                        row.instant("finished_at")));
        return steps.stream()
                .map(step -> new RunReport.StepReport(
                        step.runId(),
                        step.provider(),
                        step.kind(),
                        step.status(),
                        step.fileName(),
                        step.rowsRead(),
                        step.errorCount(),
                        step.failureReason(),
                        StepSummaryJson.read(json, step.summary()),
                        lineErrorsShown == 0
                                ? List.of()
                                : lineErrors(step.runId(), step.provider(), step.kind(), lineErrorsShown),
                        step.startedAt(),
                        step.finishedAt()))
                .toList();
    }

    private record StepRow(
            UUID runId,
            String provider,
            StatementKind kind,
            RunStatus status,
            String fileName,
            long rowsRead,
            long errorCount,
            String failureReason,
            String summary,
            Instant startedAt,
            Instant finishedAt) {}

    private List<LineError> lineErrors(UUID runId, String provider, StatementKind kind, int limit) {
        return Jdbc.query(
                em,
                """
                SELECT line_no, reason FROM recon_file_error
                WHERE run_id = :run AND provider = :provider AND kind = :kind ORDER BY line_no LIMIT :limit
                """,
                Map.of("run", runId, "provider", provider, "kind", kind.name(), "limit", limit),
                row -> new LineError(row.longValue("line_no"), row.string("reason")));
    }

    @Override
    public List<ReportItem> items(LocalDate date, ItemFilter filter, long afterId, int limit) {
        Map<String, Object> parameters = filterParameters(filter, afterId);
        parameters.put("date", date);
        parameters.put("limit", limit);
        // per current (run, provider) pair, the first `limit` items after the cursor along the primary
        // key (run_id, id); then the first `limit` of those in id order
        String sql = """
                WITH current AS (%s)
                SELECT x.* FROM current c CROSS JOIN LATERAL (
                    SELECT %s FROM recon_item i
                    WHERE i.run_id = c.run_id AND i.provider = c.provider AND i.id > :after%s
                    ORDER BY i.id LIMIT :limit) x
                ORDER BY x.id LIMIT :limit
                """.formatted(CURRENT, ITEM_COLUMNS, conditions(filter));
        return Jdbc.query(em, sql, parameters, PostgresReconciliationReports::item);
    }

    @Override
    public List<ReportItem> largest(LocalDate date, List<Category> categories, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("date", date);
        parameters.put("limit", limit);
        parameters.put(
                "categories",
                Jdbc.array("varchar", categories.stream().map(Enum::name).toList()));
        String sql = """
                WITH current AS (%s)
                SELECT x.* FROM current c CROSS JOIN LATERAL (
                    SELECT %s FROM recon_item i
                    WHERE i.run_id = c.run_id AND i.provider = c.provider AND i.category = ANY(:categories)
                    ORDER BY coalesce(i.pg_amount, i.our_amount, 0) DESC, i.id LIMIT :limit) x
                ORDER BY coalesce(x.pg_amount, x.our_amount, 0) DESC, x.provider, x.id LIMIT :limit
                """.formatted(CURRENT, ITEM_COLUMNS);
        return Jdbc.query(em, sql, parameters, PostgresReconciliationReports::item);
    }

    @Override
    public void forEachItem(LocalDate date, Consumer<ReportItem> consumer) {
        List<RunProvider> pairs = Jdbc.query(
                em, CURRENT, Map.of("date", date), row -> new RunProvider(row.uuid("run_id"), row.string("provider")));
        for (RunProvider pair : pairs) { // provider by provider, each in id order along the primary key
            Jdbc.forEach(
                    em,
                    "SELECT " + ITEM_COLUMNS
                            + " FROM recon_item WHERE run_id = :run AND provider = :provider ORDER BY id",
                    Map.of("run", pair.runId(), "provider", pair.provider()),
                    STREAM_FETCH_SIZE,
                    PostgresReconciliationReports::item,
                    consumer);
        }
    }

    private record RunProvider(UUID runId, String provider) {}

    @Override
    public Optional<ReconciledRecord> record(UUID recordId) {
        return Jdbc.query(
                        em,
                        """
                        SELECT 'TOPUP' AS record_type, id, reconciliation_state FROM topup WHERE id = :id
                        UNION ALL
                        SELECT 'BOX_OFFICE_SALE', id, reconciliation_state FROM box_office_sale WHERE id = :id
                        """,
                        Map.of("id", recordId),
                        row -> new ReconciledRecord(
                                row.string("record_type"), row.uuid("id"), row.string("reconciliation_state")))
                .stream()
                .findFirst();
    }

    @Override
    public List<RecordHistoryEntry> history(UUID recordId, long afterId, int limit) {
        return Jdbc.query(
                em,
                """
                SELECT id, record_type, record_id, from_state, to_state, run_id, business_date, provider, kind, at,
                       detail
                FROM recon_record_history WHERE record_id = :record AND id > :after ORDER BY id LIMIT :limit
                """,
                Map.of("record", recordId, "after", afterId, "limit", limit),
                row -> new RecordHistoryEntry(
                        row.longValue("id"),
                        row.string("record_type"),
                        row.uuid("record_id"),
                        row.string("from_state"),
                        row.string("to_state"),
                        row.uuid("run_id"),
                        row.date("business_date"),
                        row.string("provider"),
                        row.enumValue("kind", StatementKind.class),
                        row.instant("at"),
                        row.string("detail")));
    }

    private static String conditions(ItemFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.category() != null) {
            sql.append(" AND i.category = :category");
        }
        if (filter.provider() != null) {
            sql.append(" AND i.provider = :provider");
        }
        if (filter.kind() != null) {
            sql.append(" AND i.kind = :kind");
        }
        return sql.toString();
    }

    private static Map<String, Object> filterParameters(ItemFilter filter, long afterId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("after", afterId);
        if (filter.category() != null) {
            parameters.put("category", filter.category().name());
        }
        if (filter.provider() != null) {
            parameters.put("provider", filter.provider());
        }
        if (filter.kind() != null) {
            parameters.put("kind", filter.kind().name());
        }
        return parameters;
    }

    private static ReportItem item(Jdbc.Row row) throws SQLException {
        return new ReportItem(
                row.longValue("id"),
                row.string("provider"),
                row.enumValue("kind", StatementKind.class),
                row.enumValue("category", Category.class),
                row.string("payment_key"),
                row.nullableLong("line_no"),
                row.string("pg_status"),
                row.string("our_status"),
                row.nullableLong("pg_amount"),
                row.nullableLong("our_amount"),
                row.nullableLong("fee"),
                row.nullableLong("expected_fee"),
                row.nullableLong("net"),
                row.nullableLong("expected_net"),
                row.enumValue("action", Action.class),
                row.string("note"),
                row.uuid("record_id"),
                row.string("state_to"));
    }
}
