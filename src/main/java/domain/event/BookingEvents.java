package domain.event;

import domain.payment.Payment;
import domain.reservation.Reservation;
import domain.wallet.WalletTransaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events the booking domain emits, one factory per state change. Ids and time come in as
 * arguments, like everywhere in the domain. Schemas are documented in {@code docs/events.md}.
 */
public final class BookingEvents {
    public static final String RESERVATION = "Reservation";
    public static final String WALLET = "Wallet";

    public static final String RESERVATION_HELD = "ReservationHeld";
    public static final String RESERVATION_CANCELLED = "ReservationCancelled";
    public static final String RESERVATION_EXPIRED = "ReservationExpired";
    public static final String RESERVATION_CONFIRMED = "ReservationConfirmed";
    public static final String RESERVATION_SOLD_AT_BOX_OFFICE = "ReservationSoldAtBoxOffice";
    public static final String WALLET_CHARGED = "WalletCharged";

    private BookingEvents() {}

    /** Why a hold ended without payment ({@code ReservationExpired}'s {@code reason}). */
    public static final String HOLD_LAPSED = "HOLD_LAPSED";

    public static final String SALE_CLOSED = "SALE_CLOSED";

    public static DomainEvent reservationHeld(UUID eventId, Reservation r, Instant now) {
        Map<String, Object> payload = reservation(r);
        payload.put("price", r.price().won());
        payload.put("expiresAt", r.expiresAt().toString());
        payload.put("orderId", r.orderId().toString());
        return reservationEvent(eventId, RESERVATION_HELD, r, now, payload);
    }

    public static DomainEvent reservationCancelled(UUID eventId, Reservation r, Instant now) {
        return reservationEvent(eventId, RESERVATION_CANCELLED, r, now, reservation(r));
    }

    public static DomainEvent reservationExpired(UUID eventId, Reservation r, Instant now) {
        Map<String, Object> payload = reservation(r);
        payload.put("expiredAt", r.expiresAt().toString());
        payload.put("reason", HOLD_LAPSED);
        return reservationEvent(eventId, RESERVATION_EXPIRED, r, now, payload);
    }

    /** A hold released because its schedule's sale closed before the hold lapsed (D48). */
    public static DomainEvent reservationReleasedAtSaleClose(UUID eventId, Reservation r, Instant now) {
        Map<String, Object> payload = reservation(r);
        payload.put("expiredAt", now.toString());
        payload.put("reason", SALE_CLOSED);
        return reservationEvent(eventId, RESERVATION_EXPIRED, r, now, payload);
    }

    public static DomainEvent reservationConfirmed(UUID eventId, Reservation r, Payment payment) {
        Map<String, Object> paid = new LinkedHashMap<>();
        paid.put("paymentId", payment.id().toString());
        paid.put("amount", payment.amount().won());
        paid.put("balanceAfter", payment.balanceAfter().won());
        paid.put("paidAt", payment.createdAt().toString());
        paid.put("groupId", payment.groupId().toString());
        if (payment.walletTransactionId() != null) {
            paid.put("walletTransactionId", payment.walletTransactionId().toString());
        }
        Map<String, Object> payload = reservation(r);
        payload.put("price", r.price().won());
        payload.put("payment", paid);
        return reservationEvent(eventId, RESERVATION_CONFIRMED, r, payment.createdAt(), payload);
    }

    /**
     * A seat sold at the box office (D61): the reservation, CONFIRMED at once, and the sale it belongs
     * to (the card approval's number stays in the service, like every payment identifier).
     */
    public static DomainEvent reservationSoldAtBoxOffice(
            UUID eventId, Reservation r, domain.payment.BoxOfficeSale sale) {
        Map<String, Object> sold = new LinkedHashMap<>();
        sold.put("saleId", sale.id().toString());
        sold.put("amount", sale.amount().won());
        sold.put("provider", sale.approval().provider());
        sold.put("terminalId", sale.approval().terminalId());
        sold.put("approvedAt", sale.approval().approvedAt().toString());
        sold.put("soldBy", sale.soldBy().value());
        Map<String, Object> payload = reservation(r);
        payload.put("price", r.price().won());
        payload.put("orderId", r.orderId().toString());
        payload.put("boxOfficeSale", sold);
        return reservationEvent(eventId, RESERVATION_SOLD_AT_BOX_OFFICE, r, sale.soldAt(), payload);
    }

    public static DomainEvent walletCharged(UUID eventId, WalletTransaction t) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("transactionId", t.id().toString());
        payload.put("userId", t.userId().value());
        payload.put("amount", t.amount().won());
        payload.put("balanceAfter", t.balanceAfter().won());
        return new DomainEvent(eventId, WALLET, t.userId().value(), WALLET_CHARGED, 1, t.createdAt(), payload);
    }

    private static Map<String, Object> reservation(Reservation r) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reservationId", r.id().toString());
        payload.put("userId", r.userId().value());
        payload.put("concertId", r.concertId());
        payload.put("scheduleId", r.scheduleId());
        payload.put("seatNumber", r.seatNumber());
        return payload;
    }

    private static DomainEvent reservationEvent(
            UUID eventId, String type, Reservation r, Instant now, Map<String, Object> payload) {
        return new DomainEvent(eventId, RESERVATION, r.id().toString(), type, 1, now, payload);
    }
}
