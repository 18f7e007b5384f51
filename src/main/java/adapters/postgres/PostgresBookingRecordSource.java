package adapters.postgres;

import application.partnersync.port.out.BookingRecordSource;
import domain.partnersync.BookingRecord;
import domain.partnersync.BookingRecord.PaymentSection;
import domain.reservation.ReservationStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records of the partner sync, read on the connection of the caller's (JTA) transaction: a page of
 * reservations in one query (keyset on {@code (sync_xid, id)}, docs/sync.md), then each child table
 * in one query for the whole page ({@code reservation_id = ANY(...)}).
 *
 * <p>Child tables today: {@code payment}. Refunds and check-ins (issue #16) add one query each in
 * {@link #withChildren}; the record's sections for them are already there (null until then).
 */
@ApplicationScoped
public class PostgresBookingRecordSource implements BookingRecordSource {
    private static final String COLUMNS = """
            r.id, r.user_id, r.concert_id, r.schedule_id, r.seat_number, r.price, r.status, r.created_at,
            r.updated_at, r.sync_xid::text AS sync_xid""";

    private final AgroalDataSource dataSource;

    public PostgresBookingRecordSource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public NewPage newRecords(Position after, int limit) {
        // only rows of transactions older than every running one: nothing can commit behind the cursor
        String sql = "SELECT " + COLUMNS + """

                FROM reservation r
                WHERE (r.sync_xid, r.id) > (CAST(? AS xid8), ?)
                  AND r.sync_xid < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY r.sync_xid, r.id
                LIMIT ?""";
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, Main> rows = new LinkedHashMap<>();
            Position last = null;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, Long.toString(after.transaction()));
                s.setObject(2, after.reservationId());
                s.setInt(3, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Main main = main(rs);
                        rows.put(main.id(), main);
                        last = new Position(Long.parseLong(rs.getString("sync_xid")), main.id());
                    }
                }
            }
            return new NewPage(List.copyOf(withChildren(c, rows).values()), last);
        } catch (SQLException e) {
            throw new IllegalStateException("reading new reservations failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<UUID, BookingRecord> current(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT " + COLUMNS + " FROM reservation r WHERE r.id = ANY(?)";
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, Main> rows = new HashMap<>(ids.size() * 2);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, uuids(c, ids));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Main main = main(rs);
                        rows.put(main.id(), main);
                    }
                }
            }
            return withChildren(c, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("re-reading tracked reservations failed: " + e.getMessage(), e);
        }
    }

    /** One query per child table for the whole page. */
    private static Map<UUID, BookingRecord> withChildren(Connection c, Map<UUID, Main> rows) throws SQLException {
        Map<UUID, PaymentSection> payments = new HashMap<>(rows.size() * 2);
        if (!rows.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, reservation_id, amount, created_at FROM payment WHERE reservation_id = ANY(?)")) {
                s.setArray(1, uuids(c, rows.keySet()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        payments.put(
                                rs.getObject("reservation_id", UUID.class),
                                new PaymentSection(
                                        rs.getObject("id", UUID.class),
                                        rs.getLong("amount"),
                                        instant(rs, "created_at"),
                                        null));
                    }
                }
            }
        }
        Map<UUID, BookingRecord> records = new LinkedHashMap<>(rows.size() * 2);
        for (Main m : rows.values()) {
            records.put(
                    m.id(),
                    new BookingRecord(
                            m.id(),
                            m.userId(),
                            m.concertId(),
                            m.scheduleId(),
                            m.seatNumber(),
                            m.price(),
                            m.status(),
                            m.createdAt(),
                            m.updatedAt(),
                            payments.get(m.id()),
                            null));
        }
        return records;
    }

    private record Main(
            UUID id,
            String userId,
            long concertId,
            long scheduleId,
            int seatNumber,
            long price,
            ReservationStatus status,
            Instant createdAt,
            Instant updatedAt) {}

    private static Main main(ResultSet rs) throws SQLException {
        return new Main(
                rs.getObject("id", UUID.class),
                rs.getString("user_id"),
                rs.getLong("concert_id"),
                rs.getLong("schedule_id"),
                rs.getInt("seat_number"),
                rs.getLong("price"),
                ReservationStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }
}
