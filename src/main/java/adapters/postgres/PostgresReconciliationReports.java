package adapters.postgres;

import application.reconciliation.port.out.ReconciliationReports;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.reconciliation.Action;
import domain.reconciliation.Category;
import domain.reconciliation.ItemFilter;
import domain.reconciliation.LineError;
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
            fee, expected_fee, net, expected_net, action, note""";
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
                        SELECT id, business_date, status, trigger, requested_by, failure_reason, started_at, finished_at
                        FROM recon_run WHERE business_date = :date ORDER BY started_at DESC, id LIMIT 1
                        """,
                        Map.of("date", date),
                        row -> new RunRow(
                                row.uuid("id"),
                                row.enumValue("status", RunStatus.class),
                                row.enumValue("trigger", Trigger.class),
                                row.string("requested_by"),
                                row.string("failure_reason"),
                                row.instant("started_at"),
                                row.instant("finished_at")))
                .stream()
                .findFirst()
                .map(run -> new RunReport(
                        run.id(),
                        date,
                        run.status(),
                        run.trigger(),
                        run.requestedBy(),
                        run.failureReason(),
                        run.startedAt(),
                        run.finishedAt(),
                        steps(run.id(), lineErrorsShown)));
    }

    private record RunRow(
            UUID id,
            RunStatus status,
            Trigger trigger,
            String requestedBy,
            String failureReason,
            Instant startedAt,
            Instant finishedAt) {}

    private List<RunReport.StepReport> steps(UUID runId, int lineErrorsShown) {
        List<StepRow> steps = Jdbc.query(
                em,
                """
                SELECT provider, kind, status, file_name, rows_read, error_count, failure_reason,
                       summary::text, started_at, finished_at
                FROM recon_step WHERE run_id = :run ORDER BY provider, kind
                """,
                Map.of("run", runId),
                row -> new StepRow(
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
                                : lineErrors(runId, step.provider(), step.kind(), lineErrorsShown),
                        step.startedAt(),
                        step.finishedAt()))
                .toList();
    }

    private record StepRow(
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
    public List<ReportItem> items(UUID runId, ItemFilter filter, long afterId, int limit) {
        Map<String, Object> parameters = filterParameters(runId, filter, afterId);
        parameters.put("limit", limit);
        return Jdbc.query(em, filtered(filter) + " LIMIT :limit", parameters, PostgresReconciliationReports::item);
    }

    @Override
    public void forEachItem(UUID runId, Consumer<ReportItem> consumer) {
        ItemFilter all = new ItemFilter(null, null, null);
        Jdbc.forEach(
                em,
                filtered(all),
                filterParameters(runId, all, 0L),
                STREAM_FETCH_SIZE,
                PostgresReconciliationReports::item,
                consumer);
    }

    private static String filtered(ItemFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(ITEM_COLUMNS)
                .append(" FROM recon_item WHERE run_id = :run AND id > :after");
        if (filter.category() != null) {
            sql.append(" AND category = :category");
        }
        if (filter.provider() != null) {
            sql.append(" AND provider = :provider");
        }
        if (filter.kind() != null) {
            sql.append(" AND kind = :kind");
        }
        return sql.append(" ORDER BY id").toString();
    }

    private static Map<String, Object> filterParameters(UUID runId, ItemFilter filter, long afterId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("run", runId);
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
                row.string("note"));
    }
}
