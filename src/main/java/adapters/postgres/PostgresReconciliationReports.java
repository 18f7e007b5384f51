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
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
        @SuppressWarnings("unchecked")
        List<Object[]> runs =
                em.createNativeQuery("""
                        SELECT id, business_date, status, trigger, requested_by, failure_reason, started_at, finished_at
                        FROM recon_run WHERE business_date = :date ORDER BY started_at DESC, id LIMIT 1
                        """).setParameter("date", date).getResultList();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Object[] run = runs.getFirst();
        UUID runId = (UUID) run[0];
        return Optional.of(new RunReport(
                runId,
                date,
                RunStatus.valueOf((String) run[2]),
                Trigger.valueOf((String) run[3]),
                (String) run[4],
                (String) run[5],
                (Instant) run[6],
                (Instant) run[7],
                steps(runId, lineErrorsShown)));
    }

    private List<RunReport.StepReport> steps(UUID runId, int lineErrorsShown) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT provider, kind, status, file_name, rows_read, error_count, failure_reason,
                               summary::text, started_at, finished_at
                        FROM recon_step WHERE run_id = :run ORDER BY provider, kind
                        """).setParameter("run", runId).getResultList();
        List<RunReport.StepReport> steps = new ArrayList<>();
        for (Object[] r : rows) {
            String provider = (String) r[0];
            StatementKind kind = StatementKind.valueOf((String) r[1]);
            steps.add(new RunReport.StepReport(
                    provider,
                    kind,
                    RunStatus.valueOf((String) r[2]),
                    (String) r[3],
                    ((Number) r[4]).longValue(),
                    ((Number) r[5]).longValue(),
                    (String) r[6],
                    StepSummaryJson.read(json, (String) r[7]),
                    lineErrorsShown == 0 ? List.of() : lineErrors(runId, provider, kind, lineErrorsShown),
                    (Instant) r[8],
                    (Instant) r[9]));
        }
        return steps;
    }

    private List<LineError> lineErrors(UUID runId, String provider, StatementKind kind, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT line_no, reason FROM recon_file_error
                        WHERE run_id = :run AND provider = :provider AND kind = :kind ORDER BY line_no LIMIT :limit
                        """)
                .setParameter("run", runId)
                .setParameter("provider", provider)
                .setParameter("kind", kind.name())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new LineError(((Number) r[0]).longValue(), (String) r[1]))
                .toList();
    }

    @Override
    public List<ReportItem> items(UUID runId, ItemFilter filter, long afterId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = filtered(runId, filter)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(PostgresReconciliationReports::item).toList();
    }

    @Override
    public void forEachItem(UUID runId, Consumer<ReportItem> consumer) {
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = filtered(runId, new ItemFilter(null, null, null))
                .setParameter("after", 0L)
                .setHint("org.hibernate.fetchSize", STREAM_FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
        try (rows) {
            rows.forEach(r -> {
                consumer.accept(item(r));
                em.clear();
            });
        }
    }

    private Query filtered(UUID runId, ItemFilter filter) {
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
        Query query =
                em.createNativeQuery(sql.append(" ORDER BY id").toString()).setParameter("run", runId);
        if (filter.category() != null) {
            query.setParameter("category", filter.category().name());
        }
        if (filter.provider() != null) {
            query.setParameter("provider", filter.provider());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind().name());
        }
        return query;
    }

    private static ReportItem item(Object[] r) {
        return new ReportItem(
                ((Number) r[0]).longValue(),
                (String) r[1],
                StatementKind.valueOf((String) r[2]),
                Category.valueOf((String) r[3]),
                (String) r[4],
                longOrNull(r[5]),
                (String) r[6],
                (String) r[7],
                longOrNull(r[8]),
                longOrNull(r[9]),
                longOrNull(r[10]),
                longOrNull(r[11]),
                longOrNull(r[12]),
                longOrNull(r[13]),
                Action.valueOf((String) r[14]),
                (String) r[15]);
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
