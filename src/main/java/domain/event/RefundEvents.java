package domain.event;

import domain.refund.Refund;
import domain.refund.ScheduleCancellation;
import domain.reservation.Reservation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events of refunds and schedule cancellations (schemas in {@code docs/events.md}). A refund is
 * an event of its reservation (aggregate {@code Reservation}), so it is delivered after the
 * reservation's earlier events; a cancellation is an event of its schedule.
 */
public final class RefundEvents {
    public static final String SCHEDULE = "Schedule";

    public static final String RESERVATION_REFUNDED = "ReservationRefunded";
    public static final String SCHEDULE_CANCELLED = "ScheduleCancelled";

    private RefundEvents() {}

    public static DomainEvent reservationRefunded(UUID eventId, Reservation r, Refund refund) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reservationId", r.id().toString());
        payload.put("userId", r.userId().value());
        payload.put("concertId", r.concertId());
        payload.put("scheduleId", r.scheduleId());
        payload.put("seatNumber", r.seatNumber());
        payload.put("refundId", refund.id().toString());
        payload.put("reason", refund.reason().name());
        payload.put("price", r.price().won());
        payload.put("amount", refund.amount().won());
        payload.put("fee", refund.fee().won());
        payload.put(
                "walletTransactionId",
                refund.walletTransactionId() == null
                        ? null
                        : refund.walletTransactionId().toString());
        payload.put("refundedAt", refund.refundedAt().toString());
        return new DomainEvent(
                eventId,
                BookingEvents.RESERVATION,
                r.id().toString(),
                RESERVATION_REFUNDED,
                1,
                refund.refundedAt(),
                payload);
    }

    public static DomainEvent scheduleCancelled(UUID eventId, long concertId, ScheduleCancellation c, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("scheduleId", c.scheduleId());
        payload.put("concertId", concertId);
        payload.put("jobId", c.jobId().toString());
        payload.put("paidSeats", c.total());
        payload.put("cancelledBy", c.requestedBy());
        payload.put("cancelledAt", c.startedAt().toString());
        return new DomainEvent(eventId, SCHEDULE, Long.toString(c.scheduleId()), SCHEDULE_CANCELLED, 1, now, payload);
    }
}
