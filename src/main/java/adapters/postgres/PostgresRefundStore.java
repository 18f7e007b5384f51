package adapters.postgres;

import application.refund.port.out.RefundStore;
import domain.refund.Refund;
import domain.refund.RefundReason;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.Money;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Table {@code refund} (V11). A refund is one statement: the reservation's conditional UPDATE
 * (CONFIRMED → REFUNDED: {@code Reservation.refund}, spelled in SQL for atomicity), the seat sold to
 * it made AVAILABLE, and the refund row, as CTEs that write only when the reservation was still
 * CONFIRMED. Concurrent refunds of one reservation queue on its row lock and the later ones find it
 * no longer CONFIRMED; the UNIQUE on {@code refund.reservation_id} backs that up.
 */
@ApplicationScoped
public class PostgresRefundStore implements RefundStore {
    private static final String COLUMNS =
            "id, reservation_id, user_id, amount, fee, reason, refunded_at, wallet_transaction_id, job_id";

    private final PostgresReservationRepository.Entities reservations;

    public PostgresRefundStore(PostgresReservationRepository.Entities reservations) {
        this.reservations = reservations;
    }

    @Override
    public boolean record(Reservation refunded, Refund refund) {
        if (refunded.storedStatus() != ReservationStatus.REFUNDED) {
            throw new IllegalArgumentException("not a refunded reservation: " + refunded.storedStatus());
        }
        Map<String, Object> row = new HashMap<>();
        row.put("reservation", refunded.id());
        row.put("refund", refund.id());
        row.put("user", refund.userId().value());
        row.put("amount", refund.amount().won());
        row.put("fee", refund.fee().won());
        row.put("reason", refund.reason().name());
        row.put("at", refund.refundedAt());
        row.put("transaction", refund.walletTransactionId());
        row.put("job", refund.jobId());
        List<UUID> written = Jdbc.query(reservations.getEntityManager(), """
                WITH refunded AS (
                    UPDATE reservation SET status = 'REFUNDED', updated_at = :at
                    WHERE id = :reservation AND status = 'CONFIRMED'
                    RETURNING id, seat_id
                ), freed AS (
                    UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_expires_at = NULL
                    FROM refunded
                    WHERE seat.id = refunded.seat_id AND seat.reservation_id = refunded.id AND seat.status = 'SOLD'
                    RETURNING seat.id
                )
                INSERT INTO refund (id, reservation_id, user_id, amount, fee, reason, refunded_at,
                                    wallet_transaction_id, job_id)
                SELECT :refund, refunded.id, :user, :amount, :fee, :reason, :at, CAST(:transaction AS uuid),
                       CAST(:job AS uuid)
                FROM refunded
                RETURNING id
                """, row, r -> r.uuid("id"));
        // the row changed behind the persistence context: forget a loaded copy
        reservations.findByIdOptional(refunded.id()).ifPresent(reservations.getEntityManager()::detach);
        return written.size() == 1;
    }

    @Override
    public Optional<Refund> findById(UUID refundId) {
        return Jdbc.query(
                        reservations.getEntityManager(),
                        "SELECT " + COLUMNS + " FROM refund WHERE id = :id",
                        Map.of("id", refundId),
                        PostgresRefundStore::refund)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Refund> findByReservation(UUID reservationId) {
        return Jdbc.query(
                        reservations.getEntityManager(),
                        "SELECT " + COLUMNS + " FROM refund WHERE reservation_id = :id",
                        Map.of("id", reservationId),
                        PostgresRefundStore::refund)
                .stream()
                .findFirst();
    }

    private static Refund refund(Jdbc.Row row) throws SQLException {
        return new Refund(
                row.uuid("id"),
                row.uuid("reservation_id"),
                new UserId(row.string("user_id")),
                Money.won(row.longValue("amount")),
                Money.won(row.longValue("fee")),
                row.enumValue("reason", RefundReason.class),
                row.instant("refunded_at"),
                row.uuid("wallet_transaction_id"),
                row.uuid("job_id"));
    }
}
