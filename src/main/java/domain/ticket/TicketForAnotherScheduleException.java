package domain.ticket;

import domain.shared.DomainException;
import java.util.UUID;

/**
 * A gate checking in for one schedule was shown a ticket for another (tomorrow's show, the
 * matinée): refused before the ticket is touched, so it still works on its own date.
 */
public final class TicketForAnotherScheduleException extends DomainException {
    private final UUID ticketId;
    private final long ticketScheduleId;

    public TicketForAnotherScheduleException(UUID ticketId, long ticketScheduleId, long gateScheduleId) {
        super("ticket " + ticketId + " is for schedule " + ticketScheduleId + ", not " + gateScheduleId);
        this.ticketId = ticketId;
        this.ticketScheduleId = ticketScheduleId;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public long ticketScheduleId() {
        return ticketScheduleId;
    }
}
