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
import java.util.List;
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
            UUID runId, LocalDate date, Trigger trigger, String requestedBy, Instant now, Instant staleBefore) {
        em.createNativeQuery("""
                        UPDATE recon_run SET status = 'FAILED', finished_at = :now,
                               failure_reason = 'abandoned: no heartbeat since ' || heartbeat_at || ' (the process running it died)'
                        WHERE business_date = :date AND status = 'RUNNING' AND heartbeat_at < :staleBefore
                        """)
                .setParameter("date", date)
                .setParameter("now", now)
                .setParameter("staleBefore", staleBefore)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<UUID> inserted = em.createNativeQuery("""
                        INSERT INTO recon_run (id, business_date, trigger, requested_by, status, started_at, heartbeat_at)
                        VALUES (:id, :date, :trigger, :by, 'RUNNING', :now, :now)
                        ON CONFLICT (business_date) WHERE status = 'RUNNING' DO NOTHING
                        RETURNING id
                        """, UUID.class)
                .setParameter("id", runId)
                .setParameter("date", date)
                .setParameter("trigger", trigger.name())
                .setParameter("by", requestedBy)
                .setParameter("now", now)
                .getResultList();
        return inserted.stream().findFirst();
    }

    @Override
    public Optional<UUID> running(LocalDate date) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(
                        "SELECT id FROM recon_run WHERE business_date = :date AND status = 'RUNNING'", UUID.class)
                .setParameter("date", date)
                .getResultList();
        return ids.stream().findFirst();
    }

    @Override
    public boolean hasCompleted(LocalDate date) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM recon_run WHERE business_date = :date AND status = 'COMPLETED' LIMIT 1")
                .setParameter("date", date)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void heartbeat(UUID runId, Instant now) {
        em.createNativeQuery("UPDATE recon_run SET heartbeat_at = :now WHERE id = :id AND status = 'RUNNING'")
                .setParameter("id", runId)
                .setParameter("now", now)
                .executeUpdate();
    }

    @Override
    public void startStep(UUID runId, String provider, StatementKind kind, String fileName, Instant now) {
        em.createNativeQuery("""
                        INSERT INTO recon_step (run_id, provider, kind, status, file_name, started_at)
                        VALUES (:run, :provider, :kind, 'RUNNING', :file, :now)
                        """)
                .setParameter("run", runId)
                .setParameter("provider", provider)
                .setParameter("kind", kind.name())
                .setParameter("file", truncate(fileName, 500))
                .setParameter("now", now)
                .executeUpdate();
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
        em.createNativeQuery("""
                        UPDATE recon_step SET status = :status, rows_read = :rows, error_count = :errors,
                               failure_reason = :reason, summary = CAST(:summary AS jsonb), finished_at = :now
                        WHERE run_id = :run AND provider = :provider AND kind = :kind
                        """)
                .setParameter("run", runId)
                .setParameter("provider", provider)
                .setParameter("kind", kind.name())
                .setParameter("status", status.name())
                .setParameter("rows", rowsRead)
                .setParameter("errors", errors)
                .setParameter("reason", truncate(failureReason, 2000))
                .setParameter("summary", StepSummaryJson.write(json, summary))
                .setParameter("now", now)
                .executeUpdate();
    }

    @Override
    public boolean finish(UUID runId, RunStatus status, String failureReason, Instant now) {
        int updated = em.createNativeQuery("""
                        UPDATE recon_run SET status = :status, failure_reason = :reason, finished_at = :now, heartbeat_at = :now
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .setParameter("id", runId)
                .setParameter("status", status.name())
                .setParameter("reason", truncate(failureReason, 2000))
                .setParameter("now", now)
                .executeUpdate();
        if (updated == 0) {
            return false;
        }
        if (status == RunStatus.COMPLETED) {
            em.createNativeQuery("""
                            DELETE FROM recon_item WHERE run_id IN (
                                SELECT older.id FROM recon_run older JOIN recon_run this ON this.id = :id
                                WHERE older.business_date = this.business_date AND older.id <> this.id)
                            """).setParameter("id", runId).executeUpdate();
        }
        return true;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
