package domain.ticket;

import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Admission for one paid seat. Issued when its reservation is paid; used once at the door
 * ({@link #checkIn}); made void when the reservation is refunded ({@link #voidFor}). Its code is
 * not part of it: a code is the ticket's {@link #claims()} under the service's signature, made
 * when it is shown (so a database copy holds nothing a door would accept).
 *
 * <p>{@code checkedInAt}/{@code checkedInBy} are set exactly when CHECKED_IN, {@code voidedAt}/
 * {@code voidedFor} (the refund) exactly when VOID.
 */
public record Ticket(
        UUID id,
        UUID reservationId,
        UserId userId,
        long concertId,
        long scheduleId,
        int seatNumber,
        TicketStatus status,
        Instant issuedAt,
        Instant checkedInAt,
        UserId checkedInBy,
        Instant voidedAt,
        UUID voidedFor) {

    public Ticket {
        Objects.requireNonNull(id);
        Objects.requireNonNull(reservationId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(issuedAt);
        if ((status == TicketStatus.CHECKED_IN) != (checkedInAt != null && checkedInBy != null)) {
            throw new IllegalArgumentException("a ticket has a check-in time and gate keeper exactly when CHECKED_IN");
        }
        if ((status == TicketStatus.VOID) != (voidedAt != null && voidedFor != null)) {
            throw new IllegalArgumentException("a ticket has a void time and refund exactly when VOID");
        }
    }

    /** The ticket of a reservation that has just been paid. */
    public static Ticket issueFor(UUID id, Reservation paid, Instant now) {
        if (paid.storedStatus() != ReservationStatus.CONFIRMED) {
            throw new IllegalArgumentException("only a paid reservation gets a ticket, not a " + paid.storedStatus());
        }
        return new Ticket(
                id,
                paid.id(),
                paid.userId(),
                paid.concertId(),
                paid.scheduleId(),
                paid.seatNumber(),
                TicketStatus.ISSUED,
                now,
                null,
                null,
                null,
                null);
    }

    /** What the ticket's code states. */
    public TicketClaims claims() {
        return new TicketClaims(id, scheduleId, seatNumber);
    }

    /** Lets the holder in: once. A used ticket says when it was used; a void one that it was refunded. */
    public Ticket checkIn(UserId gateKeeper, Instant now) {
        Objects.requireNonNull(gateKeeper);
        return switch (status) {
            case ISSUED ->
                new Ticket(
                        id,
                        reservationId,
                        userId,
                        concertId,
                        scheduleId,
                        seatNumber,
                        TicketStatus.CHECKED_IN,
                        issuedAt,
                        now,
                        gateKeeper,
                        null,
                        null);
            case CHECKED_IN -> throw new TicketAlreadyUsedException(id, checkedInAt);
            case VOID -> throw new TicketRefundedException(id);
        };
    }

    /**
     * Makes the ticket void for a refund of its reservation. Voiding again for the same refund
     * changes nothing (a refund job that is resumed may ask twice); a used ticket cannot be
     * refunded, and one voided for another refund stays as it is.
     */
    public Ticket voidFor(UUID refundId, Instant now) {
        Objects.requireNonNull(refundId);
        return switch (status) {
            case ISSUED ->
                new Ticket(
                        id,
                        reservationId,
                        userId,
                        concertId,
                        scheduleId,
                        seatNumber,
                        TicketStatus.VOID,
                        issuedAt,
                        null,
                        null,
                        now,
                        refundId);
            case VOID -> {
                if (refundId.equals(voidedFor)) {
                    yield this;
                }
                throw new TicketRefundedException(id);
            }
            case CHECKED_IN -> throw new TicketAlreadyUsedException(id, checkedInAt);
        };
    }
}
