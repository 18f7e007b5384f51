package adapters.postgres;

import application.partnersync.port.out.SyncRunStore;
import domain.partnersync.SyncRun;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code partner_sync_run}. A run starts while its instance holds the job's lease, so any other run
 * still RUNNING then belonged to a process that stopped mid-run: it is closed as FAILED (abandoned).
 */
@ApplicationScoped
public class PostgresSyncRunStore implements SyncRunStore {
    private final AgroalDataSource dataSource;

    public PostgresSyncRunStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void started(SyncRun run) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE partner_sync_run SET status = 'FAILED', finished_at = ?,
                           failure = 'abandoned: the process running it stopped before it ended'
                    WHERE status = 'RUNNING'""")) {
                s.setObject(1, run.startedAt().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO partner_sync_run (id, requested_by, status, started_at) VALUES (?, ?, 'RUNNING', ?)""")) {
                s.setObject(1, run.id());
                s.setString(2, truncate(run.requestedBy(), 64));
                s.setObject(3, run.startedAt().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording the start of a sync run failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void finished(SyncRun run) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        UPDATE partner_sync_run SET status = ?, finished_at = ?, read_count = ?, sent = ?, accepted = ?,
                               tracked = ?, changed = ?, acknowledged = ?, untracked = ?, failed_pages = ?, failure = ?
                        WHERE id = ?""")) {
            s.setString(1, run.status().name());
            s.setObject(2, run.finishedAt().atOffset(ZoneOffset.UTC));
            s.setLong(3, run.read());
            s.setLong(4, run.sent());
            s.setLong(5, run.accepted());
            s.setLong(6, run.tracked());
            s.setLong(7, run.changed());
            s.setLong(8, run.acknowledged());
            s.setLong(9, run.untracked());
            s.setInt(10, run.failedPages());
            s.setString(11, truncate(run.failure(), 2000));
            s.setObject(12, run.id());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording the end of a sync run failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SyncRun> latest(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT id, requested_by, status, started_at, finished_at, read_count, sent, accepted, tracked,
                               changed, acknowledged, untracked, failed_pages, failure
                        FROM partner_sync_run ORDER BY started_at DESC LIMIT ?""")) {
            s.setInt(1, limit);
            List<SyncRun> runs = new ArrayList<>(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(new SyncRun(
                            rs.getObject("id", java.util.UUID.class),
                            rs.getString("requested_by"),
                            SyncRun.Status.valueOf(rs.getString("status")),
                            PostgresBookingRecordSource.instant(rs, "started_at"),
                            PostgresBookingRecordSource.instant(rs, "finished_at"),
                            rs.getLong("read_count"),
                            rs.getLong("sent"),
                            rs.getLong("accepted"),
                            rs.getLong("tracked"),
                            rs.getLong("changed"),
                            rs.getLong("acknowledged"),
                            rs.getLong("untracked"),
                            rs.getInt("failed_pages"),
                            rs.getString("failure")));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("reading sync runs failed: " + e.getMessage(), e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
