package domain.ticket;

import domain.shared.DomainException;
import java.time.Instant;
import java.util.UUID;

/** The ticket was checked in before: a ticket opens the door once. */
public final class TicketAlreadyUsedException extends DomainException {
    private final UUID ticketId;
    private final Instant checkedInAt;

    public TicketAlreadyUsedException(UUID ticketId, Instant checkedInAt) {
        super("ticket " + ticketId + " was already checked in at " + checkedInAt);
        this.ticketId = ticketId;
        this.checkedInAt = checkedInAt;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }
}
