package adapters.postgres;

import application.partnersync.port.out.BookingRecordSource.Position;
import application.partnersync.port.out.SyncTrackingStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.partnersync.BookingRecord;
import domain.partnersync.SyncSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sync's state ({@code partner_sync_state}) and tracking store ({@code partner_sync_tracked}),
 * through {@link Jdbc} in the caller's JTA transaction. A page's snapshots go in as one statement
 * ({@code unnest} of two arrays), whatever the page size.
 */
@ApplicationScoped
public class PostgresSyncTrackingStore implements SyncTrackingStore {
    private static final UUID FIRST = new UUID(0, 0);

    private final EntityManager em;
    private final ObjectMapper json;

    public PostgresSyncTrackingStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public Position lock(SyncSection section) {
        List<Cursor> rows = Jdbc.query(
                em,
                "SELECT cursor_xid::text AS xid, cursor_id FROM partner_sync_state WHERE section = :section FOR UPDATE",
                Map.of("section", section.name()),
                row -> new Cursor(row.string("xid"), row.uuid("cursor_id")));
        if (rows.isEmpty()) {
            throw new IllegalStateException("no partner_sync_state row for " + section + " (migration V8)");
        }
        Cursor cursor = rows.getFirst();
        return cursor.xid() == null ? null : new Position(Long.parseLong(cursor.xid()), cursor.id());
    }

    @Override
    public void advance(Position position, Instant now) {
        Jdbc.update(
                em,
                """
                UPDATE partner_sync_state SET cursor_xid = CAST(:xid AS xid8), cursor_id = :id, updated_at = :now
                WHERE section = 'NEW'""",
                Map.of("xid", Long.toString(position.transaction()), "id", position.reservationId(), "now", now));
    }

    @Override
    public List<Tracked> page(UUID afterId, int limit) {
        return Jdbc.query(
                em,
                """
                SELECT reservation_id, snapshot::text AS snapshot FROM partner_sync_tracked
                WHERE reservation_id > :after ORDER BY reservation_id LIMIT :limit""",
                Map.of("after", afterId == null ? FIRST : afterId, "limit", limit),
                row -> new Tracked(row.uuid("reservation_id"), SyncSnapshotJson.read(json, row.string("snapshot"))));
    }

    @Override
    public void track(Collection<BookingRecord> snapshots, UUID batchId, Instant now) {
        if (snapshots.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(snapshots.size());
        List<String> texts = new ArrayList<>(snapshots.size());
        for (BookingRecord record : snapshots) {
            ids.add(record.reservationId());
            texts.add(SyncSnapshotJson.write(json, record));
        }
        Jdbc.update(
                em,
                """
                INSERT INTO partner_sync_tracked (reservation_id, snapshot, batch_id, sent_at)
                SELECT id, CAST(snapshot AS jsonb), :batchId, :now
                FROM unnest(CAST(:ids AS uuid[]), CAST(:snapshots AS text[])) AS t (id, snapshot)
                ON CONFLICT (reservation_id) DO UPDATE
                SET snapshot = EXCLUDED.snapshot, batch_id = EXCLUDED.batch_id, sent_at = EXCLUDED.sent_at""",
                Map.of(
                        "batchId",
                        batchId,
                        "now",
                        now,
                        "ids",
                        Jdbc.array("uuid", ids),
                        "snapshots",
                        Jdbc.array("text", texts)));
    }

    @Override
    public void untrack(Collection<UUID> reservationIds) {
        if (reservationIds.isEmpty()) {
            return;
        }
        Jdbc.update(
                em,
                "DELETE FROM partner_sync_tracked WHERE reservation_id = ANY(:ids)",
                Map.of("ids", Jdbc.array("uuid", reservationIds)));
    }

    @Override
    public long trackedCount() {
        return Jdbc.one(em, "SELECT count(*) AS n FROM partner_sync_tracked", Map.of(), row -> row.longValue("n"));
    }

    /** {@code cursor_xid} as text: an {@code xid8} has no JDBC type. */
    private record Cursor(String xid, UUID id) {}
}
