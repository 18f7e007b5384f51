package domain.ticket;

import domain.shared.DomainException;
import java.util.UUID;

/** The ticket is VOID: its reservation was refunded, so it admits no one. */
public final class TicketRefundedException extends DomainException {
    private final UUID ticketId;

    public TicketRefundedException(UUID ticketId) {
        super("ticket " + ticketId + " was refunded and is void");
        this.ticketId = ticketId;
    }

    public UUID ticketId() {
        return ticketId;
    }
}
