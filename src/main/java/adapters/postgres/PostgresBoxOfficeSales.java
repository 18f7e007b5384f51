package adapters.postgres;

import application.booking.port.out.BoxOfficeSales;
import domain.payment.BoxOfficeSale;
import domain.payment.CardApproval;
import domain.shared.Money;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Box-office sales (D61). One approval sells once: the insert does nothing when ({@code provider},
 * {@code approval_no}) is taken, and a concurrent insert of the same approval waits for the first
 * one's commit and then does nothing either.
 */
@ApplicationScoped
public class PostgresBoxOfficeSales implements BoxOfficeSales {
    private final EntityManager em;

    public PostgresBoxOfficeSales(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean insert(BoxOfficeSale sale) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", sale.id());
        row.put("concert", sale.concertId());
        row.put("schedule", sale.scheduleId());
        row.put(
                "reservations",
                Jdbc.array(
                        "uuid",
                        sale.seats().stream()
                                .map(BoxOfficeSale.SoldSeat::reservationId)
                                .toList()));
        row.put("amount", sale.amount().won());
        row.put("provider", sale.approval().provider());
        row.put("approval", sale.approval().approvalNo());
        row.put("terminal", sale.approval().terminalId());
        row.put("approved", sale.approval().approvedAt());
        row.put("seller", sale.soldBy().value());
        row.put("sold", sale.soldAt());
        return Jdbc.update(em, """
                INSERT INTO box_office_sale (id, concert_id, schedule_id, reservation_ids, amount, provider,
                                             approval_no, terminal_id, approved_at, sold_by, sold_at)
                VALUES (:id, :concert, :schedule, CAST(:reservations AS uuid[]), :amount, :provider,
                        :approval, :terminal, :approved, :seller, :sold)
                ON CONFLICT ON CONSTRAINT box_office_sale_approval_key DO NOTHING
                """, row) == 1;
    }

    /** The sale with one row per seat (in the sale's seat order), each with its reservation and ticket. */
    @Override
    public Optional<Recorded> findById(UUID id) {
        List<SeatRow> rows = Jdbc.query(
                em,
                """
                SELECT b.id, b.concert_id, b.schedule_id, b.amount, b.provider, b.approval_no, b.terminal_id,
                       b.approved_at, b.sold_by, b.sold_at, b.reconciliation_state, b.reconciliation_stage,
                       r.id AS reservation_id, r.seat_number, r.price, t.id AS ticket_id
                FROM box_office_sale b
                CROSS JOIN LATERAL unnest(b.reservation_ids) WITH ORDINALITY AS s (reservation_id, position)
                JOIN reservation r ON r.id = s.reservation_id
                LEFT JOIN ticket t ON t.reservation_id = r.id
                WHERE b.id = :id
                ORDER BY s.position
                """,
                Map.of("id", id),
                row -> new SeatRow(
                        new Header(
                                row.uuid("id"),
                                row.longValue("concert_id"),
                                row.longValue("schedule_id"),
                                Money.won(row.longValue("amount")),
                                new CardApproval(
                                        row.string("provider"),
                                        row.string("approval_no"),
                                        row.string("terminal_id"),
                                        row.instant("approved_at"),
                                        Money.won(row.longValue("amount"))),
                                new UserId(row.string("sold_by")),
                                row.instant("sold_at"),
                                row.string("reconciliation_state"),
                                row.string("reconciliation_stage")),
                        new BoxOfficeSale.SoldSeat(
                                row.intValue("seat_number"),
                                row.uuid("reservation_id"),
                                Money.won(row.longValue("price"))),
                        row.uuid("ticket_id")));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Header header = rows.getFirst().header();
        List<BoxOfficeSale.SoldSeat> seats = new ArrayList<>(rows.size());
        Map<UUID, UUID> tickets = new HashMap<>();
        for (SeatRow seat : rows) {
            seats.add(seat.seat());
            if (seat.ticketId() != null) {
                tickets.put(seat.seat().reservationId(), seat.ticketId());
            }
        }
        BoxOfficeSale sale = new BoxOfficeSale(
                header.id(),
                header.concertId(),
                header.scheduleId(),
                seats,
                header.amount(),
                header.approval(),
                header.soldBy(),
                header.soldAt());
        return Optional.of(new Recorded(sale, tickets, header.state(), header.stage()));
    }

    private record Header(
            UUID id,
            long concertId,
            long scheduleId,
            Money amount,
            CardApproval approval,
            UserId soldBy,
            Instant soldAt,
            String state,
            String stage) {}

    private record SeatRow(Header header, BoxOfficeSale.SoldSeat seat, UUID ticketId) {}
}
