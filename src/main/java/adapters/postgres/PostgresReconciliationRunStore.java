package adapters.postgres;

import application.reconciliation.port.out.ReconciliationRunStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.reconciliation.RunStatus;
import domain.reconciliation.StatementKind;
import domain.reconciliation.StepSummary;
import domain.reconciliation.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs and steps. "One RUNNING run per date" is the partial unique index {@code
 * recon_run_one_running_uq}: two instances inserting at once both reach it, one row wins and the
 * other insert does nothing ({@code ON CONFLICT … DO NOTHING}) without aborting its transaction.
 */
@ApplicationScoped
public class PostgresReconciliationRunStore implements ReconciliationRunStore {
    private final EntityManager em;
    private final ObjectMapper json;

    public PostgresReconciliationRunStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public Optional<UUID> start(
            UUID runId,
            LocalDate date,
            String provider,
            Trigger trigger,
            String requestedBy,
            Instant now,
            Instant staleBefore) {
        Jdbc.update(em, """
                UPDATE recon_run SET status = 'FAILED', finished_at = :now,
                       failure_reason = 'abandoned: no heartbeat since ' || heartbeat_at || ' (the process running it died)'
                WHERE business_date = :date AND status = 'RUNNING' AND heartbeat_at < :staleBefore
                """, Map.of("date", date, "now", now, "staleBefore", staleBefore));
        Map<String, Object> run = new HashMap<>();
        run.put("id", runId);
        run.put("date", date);
        run.put("trigger", trigger.name());
        run.put("by", requestedBy);
        run.put("now", now);
        run.put("provider", provider);
        return Jdbc.query(em, """
                        INSERT INTO recon_run (id, business_date, provider, trigger, requested_by, status, started_at,
                                               heartbeat_at)
                        VALUES (:id, :date, :provider, :trigger, :by, 'RUNNING', :now, :now)
                        ON CONFLICT (business_date) WHERE status = 'RUNNING' DO NOTHING
                        RETURNING id
                        """, run, row -> row.uuid("id")).stream().findFirst();
    }

    @Override
    public Optional<UUID> running(LocalDate date) {
        return Jdbc.query(
                        em,
                        "SELECT id FROM recon_run WHERE business_date = :date AND status = 'RUNNING'",
                        Map.of("date", date),
                        row -> row.uuid("id"))
                .stream()
                .findFirst();
    }

    @Override
    public boolean hasCompleted(LocalDate date) {
        return !Jdbc.query(
                        em,
                        "SELECT 1 FROM recon_run WHERE business_date = :date AND status = 'COMPLETED' AND provider IS NULL"
                                + " LIMIT 1",
                        Map.of("date", date),
                        row -> Boolean.TRUE)
                .isEmpty();
    }

    @Override
    public void heartbeat(UUID runId, Instant now) {
        Jdbc.update(
                em,
                "UPDATE recon_run SET heartbeat_at = :now WHERE id = :id AND status = 'RUNNING'",
                Map.of("id", runId, "now", now));
    }

    @Override
    public void startStep(UUID runId, String provider, StatementKind kind, String fileName, Instant now) {
        Map<String, Object> step = new HashMap<>();
        step.put("run", runId);
        step.put("provider", provider);
        step.put("kind", kind.name());
        step.put("file", truncate(fileName, 500));
        step.put("now", now);
        Jdbc.update(em, """
                INSERT INTO recon_step (run_id, provider, kind, status, file_name, started_at)
                VALUES (:run, :provider, :kind, 'RUNNING', :file, :now)
                """, step);
    }

    @Override
    public void finishStep(
            UUID runId,
            String provider,
            StatementKind kind,
            RunStatus status,
            long rowsRead,
            long errors,
            String failureReason,
            StepSummary summary,
            Instant now) {
        Map<String, Object> step = new HashMap<>();
        step.put("run", runId);
        step.put("provider", provider);
        step.put("kind", kind.name());
        step.put("status", status.name());
        step.put("rows", rowsRead);
        step.put("errors", errors);
        step.put("reason", truncate(failureReason, 2000));
        step.put("summary", StepSummaryJson.write(json, summary));
        step.put("now", now);
        Jdbc.update(em, """
                UPDATE recon_step SET status = :status, rows_read = :rows, error_count = :errors,
                       failure_reason = :reason, summary = CAST(:summary AS jsonb), finished_at = :now
                WHERE run_id = :run AND provider = :provider AND kind = :kind
                """, step);
    }

    @Override
    public boolean finish(UUID runId, RunStatus status, String failureReason, Instant now) {
        Map<String, Object> end = new HashMap<>();
        end.put("id", runId);
        end.put("status", status.name());
        end.put("reason", truncate(failureReason, 2000));
        end.put("now", now);
        int updated = Jdbc.update(em, """
                UPDATE recon_run SET status = :status, failure_reason = :reason, finished_at = :now, heartbeat_at = :now
                WHERE id = :id AND status = 'RUNNING'
                """, end);
        if (updated == 0) {
            return false;
        }
        Jdbc.update(em, """
                DELETE FROM recon_item WHERE run_id IN (
                        SELECT older.id FROM recon_run older JOIN recon_run this ON this.id = :id
                        WHERE older.business_date = this.business_date AND older.id <> this.id)
                    AND provider IN (
                        SELECT provider FROM recon_step WHERE run_id = :id
                        GROUP BY provider HAVING bool_and(status = 'COMPLETED') AND count(*) = :stages)
                """, Map.of("id", runId, "stages", StatementKind.values().length));
        return true;
    }

    @Override
    public void reportDelivery(UUID runId, Instant deliveredAt, String failure) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", runId);
        p.put("at", deliveredAt);
        p.put("failure", truncate(failure, 2000));
        Jdbc.update(
                em,
                "UPDATE recon_run SET report_delivered_at = :at, report_delivery_failure = :failure WHERE id = :id",
                p);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
