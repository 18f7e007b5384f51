package domain.ticket;

import java.time.Instant;
import java.util.Objects;

/** A ticket with the start of the show it admits to (the schedule's, read when the ticket is). */
public record TicketDetails(Ticket ticket, Instant startsAt) {
    public TicketDetails {
        Objects.requireNonNull(ticket);
        Objects.requireNonNull(startsAt);
    }
}
