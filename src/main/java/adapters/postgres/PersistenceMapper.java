package adapters.postgres;

import domain.concert.Seat;
import domain.payment.Payment;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.Money;
import domain.shared.UserId;
import domain.topup.TopUp;
import domain.wallet.WalletTransaction;
import java.sql.SQLException;

/** Entities and whole table rows to domain objects; the domain never sees a persistence type. */
final class PersistenceMapper {
    private PersistenceMapper() {}

    static Seat seat(SeatEntity e) {
        return new Seat(e.id, e.scheduleId, e.number, Money.won(e.price), e.status, e.holdExpiresAt);
    }

    static Reservation reservation(ReservationEntity e) {
        return new Reservation(
                e.id,
                new UserId(e.userId),
                e.concertId,
                e.scheduleId,
                e.seatId,
                e.seatNumber,
                Money.won(e.price),
                e.status,
                e.expiresAt,
                e.createdAt,
                e.orderId == null ? e.id : e.orderId);
    }

    /** A whole {@code reservation} row, as a statement's {@code RETURNING *} gives it. */
    static Reservation reservation(Jdbc.Row row) throws SQLException {
        return new Reservation(
                row.uuid("id"),
                new UserId(row.string("user_id")),
                row.longValue("concert_id"),
                row.longValue("schedule_id"),
                row.longValue("seat_id"),
                row.intValue("seat_number"),
                Money.won(row.longValue("price")),
                row.enumValue("status", ReservationStatus.class),
                row.instant("expires_at"),
                row.instant("created_at"),
                orderOf(row));
    }

    /** A row written without an order id is an order of one (V10). */
    private static java.util.UUID orderOf(Jdbc.Row row) throws SQLException {
        java.util.UUID orderId = row.uuid("order_id");
        return orderId == null ? row.uuid("id") : orderId;
    }

    static WalletTransaction transaction(WalletTransactionEntity e) {
        return new WalletTransaction(
                e.id,
                new UserId(e.userId),
                e.type,
                Money.won(e.amount),
                Money.won(e.balanceAfter),
                e.referenceId,
                e.createdAt);
    }

    static WalletTransactionEntity entity(WalletTransaction t) {
        WalletTransactionEntity e = new WalletTransactionEntity();
        e.id = t.id();
        e.userId = t.userId().value();
        e.type = t.type();
        e.amount = t.amount().won();
        e.balanceAfter = t.balanceAfter().won();
        e.referenceId = t.referenceId();
        e.createdAt = t.createdAt();
        return e;
    }

    static Payment payment(PaymentEntity e) {
        return new Payment(
                e.id,
                e.reservationId,
                new UserId(e.userId),
                Money.won(e.amount),
                Money.won(e.balanceAfter),
                e.createdAt,
                e.groupId == null ? e.id : e.groupId,
                e.walletTransactionId);
    }

    static PaymentEntity entity(Payment p) {
        PaymentEntity e = new PaymentEntity();
        e.id = p.id();
        e.reservationId = p.reservationId();
        e.userId = p.userId().value();
        e.amount = p.amount().won();
        e.balanceAfter = p.balanceAfter().won();
        e.createdAt = p.createdAt();
        e.groupId = p.groupId();
        e.walletTransactionId = p.walletTransactionId();
        return e;
    }

    static TopUp topUp(TopUpEntity e) {
        return new TopUp(
                e.id,
                new UserId(e.userId),
                e.provider,
                e.paymentKey,
                e.orderId,
                Money.won(e.amount),
                e.status,
                e.transactionId,
                e.failureCode,
                e.failureMessage,
                e.approvedAt,
                e.createdAt);
    }
}
