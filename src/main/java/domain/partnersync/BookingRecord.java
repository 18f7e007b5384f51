package domain.partnersync;

import domain.reservation.ReservationStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One reservation as the membership app server receives it: the main record and its child rows
 * (its payment, with the refund once there is one, and its check-in), each section null while the
 * row does not exist.
 *
 * <p>The two rules of the sync are stated here: {@link #isFinal()} (it can no longer change, so it
 * need not be tracked) and {@link #differsFrom(BookingRecord)} (it changed since the snapshot sent).
 */
public record BookingRecord(
        UUID reservationId,
        String userId,
        long concertId,
        long scheduleId,
        int seatNumber,
        long price,
        ReservationStatus status,
        Instant createdAt,
        Instant updatedAt,
        PaymentSection payment,
        CheckInSection checkIn) {

    public BookingRecord {
        Objects.requireNonNull(reservationId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
    }

    /** The payment row: its amount and when it was made; {@code refundedAt} once it is refunded. */
    public record PaymentSection(UUID id, long amount, Instant paidAt, Instant refundedAt) {
        public PaymentSection {
            Objects.requireNonNull(id);
            Objects.requireNonNull(paidAt);
        }

        public boolean refunded() {
            return refundedAt != null;
        }
    }

    /** The check-in row: when the ticket was scanned at the door. */
    public record CheckInSection(Instant checkedInAt) {
        public CheckInSection {
            Objects.requireNonNull(checkedInAt);
        }
    }

    /**
     * Whether the record can no longer change: a hold that lapsed or was cancelled, a reservation
     * that was refunded (REFUNDED, with its payment's {@code refundedAt}), or a paid seat already checked in (a show that has started refunds nothing). A
     * HELD record can still be paid or lapse; a CONFIRMED one can still be refunded or checked in.
     * Every new status must be placed here (the switch has no default on purpose).
     */
    public boolean isFinal() {
        return switch (status) {
            case EXPIRED, CANCELLED, REFUNDED -> true;
            case HELD -> false;
            case CONFIRMED -> checkIn != null || (payment != null && payment.refunded());
        };
    }

    /**
     * Whether this (current) state differs from the snapshot last sent: any field of the record or
     * of a child section, including a child row that appeared (paid, refunded, checked in).
     */
    public boolean differsFrom(BookingRecord snapshot) {
        return !equals(snapshot);
    }
}
