package adapters.postgres;

import application.partnersync.port.out.BookingRecordSource;
import domain.partnersync.BookingRecord;
import domain.partnersync.BookingRecord.CheckInSection;
import domain.partnersync.BookingRecord.PaymentSection;
import domain.reservation.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records of the partner sync, read through {@link Jdbc} in the caller's JTA transaction: a page of
 * reservations in one query (keyset on {@code (sync_xid, id)}, docs/sync.md), then each child table
 * in one query for the whole page ({@code reservation_id = ANY(...)}).
 *
 * <p>Child tables: {@code payment}, {@code refund} (its {@code refunded_at} goes into the payment
 * section) and {@code ticket} (its check-in).
 */
@ApplicationScoped
public class PostgresBookingRecordSource implements BookingRecordSource {
    private static final String COLUMNS = """
            SELECT r.id, r.user_id, r.concert_id, r.schedule_id, r.seat_number, r.price, r.status, r.created_at,
                   r.updated_at, r.sync_xid::text AS sync_xid
            FROM reservation r
            """;

    // only rows of transactions older than every running one: nothing can commit behind the cursor
    private static final String NEW_RECORDS = COLUMNS + """
            WHERE (r.sync_xid, r.id) > (CAST(:afterXid AS xid8), :afterId)
              AND r.sync_xid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY r.sync_xid, r.id
            LIMIT :limit""";

    private static final String CURRENT = COLUMNS + "WHERE r.id = ANY(:ids)";

    private static final String PAYMENTS =
            "SELECT id, reservation_id, amount, created_at FROM payment WHERE reservation_id = ANY(:ids)";

    private static final String REFUNDS =
            "SELECT reservation_id, refunded_at FROM refund WHERE reservation_id = ANY(:ids)";

    private static final String CHECK_INS = "SELECT reservation_id, checked_in_at FROM ticket"
            + " WHERE reservation_id = ANY(:ids) AND checked_in_at IS NOT NULL";

    private final EntityManager em;

    public PostgresBookingRecordSource(EntityManager em) {
        this.em = em;
    }

    @Override
    public NewPage newRecords(Position after, int limit) {
        List<Main> page = Jdbc.query(
                em,
                NEW_RECORDS,
                Map.of(
                        "afterXid", Long.toString(after.transaction()),
                        "afterId", after.reservationId(),
                        "limit", limit),
                PostgresBookingRecordSource::main);
        Map<UUID, Main> rows = new LinkedHashMap<>(page.size() * 2);
        page.forEach(main -> rows.put(main.id(), main));
        Position last = page.isEmpty()
                ? null
                : new Position(page.getLast().syncXid(), page.getLast().id());
        return new NewPage(List.copyOf(withChildren(rows).values()), last);
    }

    @Override
    public Map<UUID, BookingRecord> current(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Main> rows = new HashMap<>(ids.size() * 2);
        Jdbc.query(em, CURRENT, Map.of("ids", Jdbc.array("uuid", ids)), PostgresBookingRecordSource::main)
                .forEach(main -> rows.put(main.id(), main));
        return withChildren(rows);
    }

    /** One query per child table for the whole page. */
    private Map<UUID, BookingRecord> withChildren(Map<UUID, Main> rows) {
        Map<UUID, PaymentSection> payments = children(
                PAYMENTS,
                rows.keySet(),
                row -> new PaymentSection(row.uuid("id"), row.longValue("amount"), row.instant("created_at"), null));
        Map<UUID, Instant> refunds = children(REFUNDS, rows.keySet(), row -> row.instant("refunded_at"));
        Map<UUID, CheckInSection> checkIns =
                children(CHECK_INS, rows.keySet(), row -> new CheckInSection(row.instant("checked_in_at")));
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
                            withRefund(payments.get(m.id()), refunds.get(m.id())),
                            checkIns.get(m.id())));
        }
        return records;
    }

    private static PaymentSection withRefund(PaymentSection payment, Instant refundedAt) {
        return payment == null || refundedAt == null
                ? payment
                : new PaymentSection(payment.id(), payment.amount(), payment.paidAt(), refundedAt);
    }

    /** A child table's rows of these reservations, by {@code reservation_id} (one query). */
    private <T> Map<UUID, T> children(String sql, Collection<UUID> ids, Jdbc.RowMapper<T> section) {
        Map<UUID, T> children = new HashMap<>(ids.size() * 2);
        if (!ids.isEmpty()) {
            Jdbc.query(
                            em,
                            sql,
                            Map.of("ids", Jdbc.array("uuid", ids)),
                            row -> Map.entry(row.uuid("reservation_id"), section.map(row)))
                    .forEach(child -> children.put(child.getKey(), child.getValue()));
        }
        return children;
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
            Instant updatedAt,
            long syncXid) {}

    private static Main main(Jdbc.Row row) throws SQLException {
        return new Main(
                row.uuid("id"),
                row.string("user_id"),
                row.longValue("concert_id"),
                row.longValue("schedule_id"),
                row.intValue("seat_number"),
                row.longValue("price"),
                row.enumValue("status", ReservationStatus.class),
                row.instant("created_at"),
                row.instant("updated_at"),
                Long.parseLong(row.string("sync_xid")));
    }
}
