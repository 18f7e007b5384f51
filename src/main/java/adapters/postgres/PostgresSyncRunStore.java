package adapters.postgres;

import application.partnersync.port.out.SyncRunStore;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.partnersync.SyncRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code partner_sync_run}, through {@link Jdbc} in the caller's transaction. A run starts while its
 * instance holds the job's lease, so any other run still RUNNING then belonged to a process that
 * stopped mid-run: it is closed as FAILED (abandoned).
 */
@ApplicationScoped
public class PostgresSyncRunStore implements SyncRunStore {
    private final EntityManager em;

    public PostgresSyncRunStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void started(SyncRun run) {
        Jdbc.update(em, """
                UPDATE partner_sync_run SET status = 'FAILED', finished_at = :now,
                       failure = 'abandoned: the process running it stopped before it ended'
                WHERE status = 'RUNNING'""", Map.of("now", run.startedAt()));
        Jdbc.update(
                em,
                """
                INSERT INTO partner_sync_run (id, requested_by, status, started_at)
                VALUES (:id, :requestedBy, 'RUNNING', :startedAt)""",
                Map.of("id", run.id(), "requestedBy", truncate(run.requestedBy(), 64), "startedAt", run.startedAt()));
    }

    @Override
    public void finished(SyncRun run) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", run.id());
        values.put("status", run.status().name());
        values.put("finishedAt", run.finishedAt());
        values.put("read", run.read());
        values.put("sent", run.sent());
        values.put("accepted", run.accepted());
        values.put("tracked", run.tracked());
        values.put("changed", run.changed());
        values.put("acknowledged", run.acknowledged());
        values.put("untracked", run.untracked());
        values.put("failedPages", run.failedPages());
        values.put("failure", truncate(run.failure(), 2000));
        Jdbc.update(em, """
                UPDATE partner_sync_run SET status = :status, finished_at = :finishedAt, read_count = :read,
                       sent = :sent, accepted = :accepted, tracked = :tracked, changed = :changed,
                       acknowledged = :acknowledged, untracked = :untracked, failed_pages = :failedPages,
                       failure = :failure
                WHERE id = :id""", values);
    }

    /** Keyset on {@code (started_at, id)} descending, served by {@code partner_sync_run_started_id_idx} (V12). */
    @Override
    public Page<SyncRun> latest(PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("limit", page.probe());
        String after = "";
        if (page.after() != null) {
            after = "WHERE (started_at, id) < (:afterAt, :afterId) ";
            parameters.put("afterAt", page.after().instant());
            parameters.put("afterId", page.after().id());
        }
        List<SyncRun> rows = Jdbc.query(
                em,
                """
                SELECT id, requested_by, status, started_at, finished_at, read_count, sent, accepted, tracked,
                       changed, acknowledged, untracked, failed_pages, failure
                FROM partner_sync_run %sORDER BY started_at DESC, id DESC LIMIT :limit""".formatted(after),
                parameters,
                row -> new SyncRun(
                        row.uuid("id"),
                        row.string("requested_by"),
                        row.enumValue("status", SyncRun.Status.class),
                        row.instant("started_at"),
                        row.instant("finished_at"),
                        row.longValue("read_count"),
                        row.longValue("sent"),
                        row.longValue("accepted"),
                        row.longValue("tracked"),
                        row.longValue("changed"),
                        row.longValue("acknowledged"),
                        row.longValue("untracked"),
                        row.intValue("failed_pages"),
                        row.string("failure")));
        return Page.of(rows, page, run -> PageKey.at(run.startedAt(), run.id()));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
