package domain.reservation;

import domain.shared.DomainException;
import java.util.UUID;

/** A refund that cannot be made, and why (each reason is its own problem type). */
public final class RefundRefusedException extends DomainException {
    public enum Reason {
        /** Not CONFIRMED: a hold, or one that expired or was cancelled, was never paid. */
        NOT_PAID,
        /** Already REFUNDED (by another request, or its schedule was cancelled). */
        ALREADY_REFUNDED,
        /** Less than refund.cutoff before the show starts (or it has started). */
        CUTOFF_PASSED,
        /** Its ticket was already used at the door. */
        TICKET_USED
    }

    private final UUID reservationId;
    private final Reason reason;

    public RefundRefusedException(UUID reservationId, Reason reason) {
        super("reservation " + reservationId + " cannot be refunded: " + describe(reason));
        this.reservationId = reservationId;
        this.reason = reason;
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case NOT_PAID -> "it is not paid";
            case ALREADY_REFUNDED -> "it was already refunded";
            case CUTOFF_PASSED -> "the refund period before the show has ended";
            case TICKET_USED -> "its ticket was already used";
        };
    }

    public UUID reservationId() {
        return reservationId;
    }

    public Reason reason() {
        return reason;
    }
}
