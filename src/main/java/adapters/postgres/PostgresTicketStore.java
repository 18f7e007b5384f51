package adapters.postgres;

import application.ticketing.port.out.TicketStore;
import domain.event.DomainEvent;
import domain.shared.UserId;
import domain.ticket.Ticket;
import domain.ticket.TicketDetails;
import domain.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Table {@code ticket} (V9), in plain JDBC on the transaction's connection ({@link Jdbc}); every read
 * joins the schedule for the show's start. A check-in is one conditional UPDATE: the row lock makes
 * concurrent ones queue, and each later one finds the ticket no longer ISSUED.
 */
@ApplicationScoped
public class PostgresTicketStore implements TicketStore {
    private static final String COLUMNS = """
            t.id, t.reservation_id, t.user_id, t.concert_id, t.schedule_id, t.seat_number, t.status,
            t.issued_at, t.checked_in_at, t.checked_in_by, t.voided_at, t.voided_for, s.starts_at""";

    private final EntityManager em;
    private final PostgresOutbox outbox;

    public PostgresTicketStore(EntityManager em, PostgresOutbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** The ticket's INSERT runs as a CTE of the event's INSERT: one statement, one round trip. */
    @Override
    public void insert(Ticket ticket, DomainEvent issued) {
        Map<String, Object> row = new HashMap<>();
        row.put("ticket", ticket.id());
        row.put("reservation", ticket.reservationId());
        row.put("user", ticket.userId().value());
        row.put("concert", ticket.concertId());
        row.put("schedule", ticket.scheduleId());
        row.put("seat", ticket.seatNumber());
        row.put("status", ticket.status().name());
        row.put("issued", ticket.issuedAt());
        outbox.appendWith("""
                INSERT INTO ticket (id, reservation_id, user_id, concert_id, schedule_id, seat_number, status, issued_at)
                VALUES (:ticket, :reservation, :user, :concert, :schedule, :seat, :status, :issued)
                """, row, issued);
    }

    @Override
    public Optional<TicketDetails> findByReservation(UUID reservationId) {
        return one(
                "SELECT " + COLUMNS + " FROM ticket t JOIN schedule s ON s.id = t.schedule_id"
                        + " WHERE t.reservation_id = :reservation",
                Map.of("reservation", reservationId));
    }

    @Override
    public Optional<TicketDetails> findById(UUID ticketId) {
        return one(
                "SELECT " + COLUMNS + " FROM ticket t JOIN schedule s ON s.id = t.schedule_id WHERE t.id = :ticket",
                Map.of("ticket", ticketId));
    }

    @Override
    public Optional<TicketDetails> checkInIfIssued(UUID ticketId, UserId gateKeeper, Instant now) {
        return one("""
                UPDATE ticket t SET status = 'CHECKED_IN', checked_in_at = :now, checked_in_by = :gateKeeper
                FROM schedule s
                WHERE t.id = :ticket AND t.status = 'ISSUED' AND t.checked_in_at IS NULL AND s.id = t.schedule_id
                RETURNING\s""" + COLUMNS, Map.of("ticket", ticketId, "gateKeeper", gateKeeper.value(), "now", now));
    }

    @Override
    public boolean saveVoidIfIssued(Ticket voided) {
        if (voided.status() != TicketStatus.VOID) {
            throw new IllegalArgumentException("not a void ticket: " + voided.status());
        }
        return Jdbc.update(
                        em,
                        """
                        UPDATE ticket SET status = 'VOID', voided_at = :voidedAt, voided_for = :refund
                        WHERE id = :ticket AND status = 'ISSUED'
                        """,
                        Map.of("ticket", voided.id(), "voidedAt", voided.voidedAt(), "refund", voided.voidedFor()))
                == 1;
    }

    private Optional<TicketDetails> one(String sql, Map<String, ?> parameters) {
        List<TicketDetails> rows = Jdbc.query(em, sql, parameters, PostgresTicketStore::details);
        return rows.stream().findFirst();
    }

    private static TicketDetails details(Jdbc.Row row) throws SQLException {
        String checkedInBy = row.string("checked_in_by");
        Ticket ticket = new Ticket(
                row.uuid("id"),
                row.uuid("reservation_id"),
                new UserId(row.string("user_id")),
                row.longValue("concert_id"),
                row.longValue("schedule_id"),
                row.intValue("seat_number"),
                row.enumValue("status", TicketStatus.class),
                row.instant("issued_at"),
                row.instant("checked_in_at"),
                checkedInBy == null ? null : new UserId(checkedInBy),
                row.instant("voided_at"),
                row.uuid("voided_for"));
        return new TicketDetails(ticket, row.instant("starts_at"));
    }
}
