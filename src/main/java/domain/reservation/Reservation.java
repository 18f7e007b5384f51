package domain.reservation;

import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A fan's claim on one seat. A HELD reservation whose time is up reads as EXPIRED at once, before
 * any job has written that down, so every decision asks for the status at an instant.
 *
 * <p>{@code orderId} names the hold it was made by: the seats of one several-seat hold share it,
 * and a single-seat hold is an order of one, whose order id is the reservation's own id (D47).
 */
public record Reservation(
        UUID id,
        UserId userId,
        long concertId,
        long scheduleId,
        long seatId,
        int seatNumber,
        Money price,
        ReservationStatus storedStatus,
        Instant expiresAt,
        Instant createdAt,
        UUID orderId) {

    public Reservation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(price);
        Objects.requireNonNull(storedStatus);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(orderId);
    }

    /** A reservation that is an order of one (its order id is its own id). */
    public Reservation(
            UUID id,
            UserId userId,
            long concertId,
            long scheduleId,
            long seatId,
            int seatNumber,
            Money price,
            ReservationStatus storedStatus,
            Instant expiresAt,
            Instant createdAt) {
        this(id, userId, concertId, scheduleId, seatId, seatNumber, price, storedStatus, expiresAt, createdAt, id);
    }

    /** A new hold on a seat the store has just granted to this reservation. */
    public static Reservation hold(
            UUID id,
            UserId userId,
            long concertId,
            long scheduleId,
            long seatId,
            int seatNumber,
            Money price,
            Instant now,
            HoldPolicy policy) {
        return new Reservation(
                id,
                userId,
                concertId,
                scheduleId,
                seatId,
                seatNumber,
                price,
                ReservationStatus.HELD,
                policy.expiryFor(now),
                now);
    }

    /**
     * A seat sold at the box office (D61): CONFIRMED at once, never held (its expiry is the sale's
     * time), one seat of the order {@code saleId}.
     */
    public static Reservation soldAtBoxOffice(
            UUID id,
            UserId buyer,
            long concertId,
            long scheduleId,
            long seatId,
            int seatNumber,
            Money price,
            Instant now,
            UUID saleId) {
        return new Reservation(
                id,
                buyer,
                concertId,
                scheduleId,
                seatId,
                seatNumber,
                price,
                ReservationStatus.CONFIRMED,
                now,
                now,
                saleId);
    }

    /** The same reservation as one seat of the order {@code orderId} (a several-seat hold, D47). */
    public Reservation inOrder(UUID orderId) {
        return new Reservation(
                id,
                userId,
                concertId,
                scheduleId,
                seatId,
                seatNumber,
                price,
                storedStatus,
                expiresAt,
                createdAt,
                orderId);
    }

    public ReservationStatus statusAt(Instant now) {
        return isLapsedAt(now) ? ReservationStatus.EXPIRED : storedStatus;
    }

    /**
     * A live hold at {@code now}: stored HELD and not lapsed. Only a live hold can be paid or
     * cancelled, and only live holds count against the fan's limit ({@link HoldPolicy}).
     */
    public boolean isHeldAt(Instant now) {
        return statusAt(now) == ReservationStatus.HELD;
    }

    /** Stored HELD, but its time is up ({@link HoldPolicy#hasLapsed}): what the expiry job writes down. */
    public boolean isLapsedAt(Instant now) {
        return storedStatus == ReservationStatus.HELD && HoldPolicy.hasLapsed(expiresAt, now);
    }

    /** Another user's reservation is reported exactly like a missing one. */
    public Reservation requireOwnedBy(UserId caller) {
        if (!userId.equals(caller)) {
            throw new NotFoundException("reservation", id);
        }
        return this;
    }

    public Reservation confirm(Instant now) {
        return transition(ReservationStatus.CONFIRMED, now, "paid");
    }

    public Reservation cancel(Instant now) {
        return transition(ReservationStatus.CANCELLED, now, "cancelled");
    }

    /**
     * A paid reservation given back: CONFIRMED → REFUNDED. Whether it may be refunded now (the
     * cutoff) is {@code domain.refund.RefundPolicy}'s to say; this is only the transition.
     */
    public Reservation refund(Instant now) {
        ReservationStatus current = statusAt(now);
        if (current != ReservationStatus.CONFIRMED) {
            throw new RefundRefusedException(
                    id,
                    current == ReservationStatus.REFUNDED
                            ? RefundRefusedException.Reason.ALREADY_REFUNDED
                            : RefundRefusedException.Reason.NOT_PAID);
        }
        return withStatus(ReservationStatus.REFUNDED);
    }

    /** Records that the hold ran out. Only a lapsed hold can expire. */
    public Reservation expire(Instant now) {
        if (!isLapsedAt(now)) {
            throw new ReservationConflictException(id, statusAt(now), "expired");
        }
        return withStatus(ReservationStatus.EXPIRED);
    }

    /**
     * Records that the sale of the reservation's schedule closed while it was still held, lapsed or
     * not (D48). Only a stored hold can be released so.
     */
    public Reservation expireAtSaleClose(Instant now) {
        if (storedStatus != ReservationStatus.HELD) {
            throw new ReservationConflictException(id, statusAt(now), "released at the sale's close");
        }
        return withStatus(ReservationStatus.EXPIRED);
    }

    private Reservation transition(ReservationStatus target, Instant now, String action) {
        ReservationStatus current = statusAt(now);
        if (current != ReservationStatus.HELD) {
            throw new ReservationConflictException(id, current, action);
        }
        return withStatus(target);
    }

    private Reservation withStatus(ReservationStatus status) {
        return new Reservation(
                id, userId, concertId, scheduleId, seatId, seatNumber, price, status, expiresAt, createdAt, orderId);
    }
}
