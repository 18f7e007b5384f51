package adapters.postgres;

import application.partnersync.port.out.BookingRecordSource.Position;
import application.partnersync.port.out.SyncTrackingStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.partnersync.BookingRecord;
import domain.partnersync.SyncSection;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The sync's state ({@code partner_sync_state}) and tracking store ({@code partner_sync_tracked}), on
 * the connection of the caller's (JTA) transaction. A page's snapshots go in as one statement
 * ({@code unnest} of two arrays), whatever the page size.
 */
@ApplicationScoped
public class PostgresSyncTrackingStore implements SyncTrackingStore {
    private static final UUID FIRST = new UUID(0, 0);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public PostgresSyncTrackingStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public Position lock(SyncSection section) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT cursor_xid::text AS xid, cursor_id FROM partner_sync_state WHERE section = ? FOR UPDATE")) {
            s.setString(1, section.name());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no partner_sync_state row for " + section + " (migration V8)");
                }
                String xid = rs.getString("xid");
                return xid == null ? null : new Position(Long.parseLong(xid), rs.getObject("cursor_id", UUID.class));
            }
        } catch (SQLException e) {
            throw failed("locking the sync state", e);
        }
    }

    @Override
    public void advance(Position position, Instant now) {
        update(
                "UPDATE partner_sync_state SET cursor_xid = CAST(? AS xid8), cursor_id = ?, updated_at = ? WHERE section = 'NEW'",
                "moving the cursor",
                Long.toString(position.transaction()),
                position.reservationId(),
                now.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<Tracked> page(UUID afterId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT reservation_id, snapshot::text AS snapshot FROM partner_sync_tracked
                        WHERE reservation_id > ? ORDER BY reservation_id LIMIT ?""")) {
            s.setObject(1, afterId == null ? FIRST : afterId);
            s.setInt(2, limit);
            List<Tracked> page = new ArrayList<>(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(new Tracked(
                            rs.getObject("reservation_id", UUID.class),
                            SyncSnapshotJson.read(json, rs.getString("snapshot"))));
                }
            }
            return page;
        } catch (SQLException e) {
            throw failed("reading tracked records", e);
        }
    }

    @Override
    public void track(Collection<BookingRecord> snapshots, UUID batchId, Instant now) {
        if (snapshots.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO partner_sync_tracked (reservation_id, snapshot, batch_id, sent_at)
                        SELECT id, CAST(snapshot AS jsonb), ?, ? FROM unnest(?, CAST(? AS text[])) AS t (id, snapshot)
                        ON CONFLICT (reservation_id) DO UPDATE
                        SET snapshot = EXCLUDED.snapshot, batch_id = EXCLUDED.batch_id, sent_at = EXCLUDED.sent_at""")) {
            UUID[] ids = new UUID[snapshots.size()];
            String[] texts = new String[snapshots.size()];
            int i = 0;
            for (BookingRecord record : snapshots) {
                ids[i] = record.reservationId();
                texts[i++] = SyncSnapshotJson.write(json, record);
            }
            s.setObject(1, batchId);
            s.setObject(2, now.atOffset(ZoneOffset.UTC));
            s.setArray(3, c.createArrayOf("uuid", ids));
            s.setArray(4, c.createArrayOf("text", texts));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("tracking records", e);
        }
    }

    @Override
    public void untrack(Collection<UUID> reservationIds) {
        if (reservationIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("DELETE FROM partner_sync_tracked WHERE reservation_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", reservationIds.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("untracking records", e);
        }
    }

    @Override
    public long trackedCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM partner_sync_tracked");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failed("counting tracked records", e);
        }
    }

    private void update(String sql, String what, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
