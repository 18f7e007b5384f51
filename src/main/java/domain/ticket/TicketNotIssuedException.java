package domain.ticket;

import domain.reservation.ReservationStatus;
import domain.shared.DomainException;
import java.util.UUID;

/** The caller's reservation has no ticket: only a paid (CONFIRMED) reservation gets one. */
public final class TicketNotIssuedException extends DomainException {
    private final UUID reservationId;
    private final ReservationStatus status;

    public TicketNotIssuedException(UUID reservationId, ReservationStatus status) {
        super("reservation " + reservationId + " is " + status + "; a ticket is issued when a reservation is paid");
        this.reservationId = reservationId;
        this.status = status;
    }

    public UUID reservationId() {
        return reservationId;
    }

    public ReservationStatus status() {
        return status;
    }
}
