package domain.reservation;

import domain.shared.DomainException;
import java.util.UUID;

/** The reservation is not in a state that allows what was asked (pay, cancel). */
public final class ReservationConflictException extends DomainException {
    private final UUID reservationId;
    private final ReservationStatus status;

    public ReservationConflictException(UUID reservationId, ReservationStatus status, String action) {
        super("reservation " + reservationId + " is " + status + " and cannot be " + action);
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
