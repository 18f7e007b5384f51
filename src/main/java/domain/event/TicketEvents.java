package domain.event;

import domain.ticket.Ticket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events of tickets (aggregate {@code Ticket}, id = the ticket's id), one factory per state
 * change. A ticket's code is never in an event: it is a bearer credential. Schemas: {@code docs/events.md}.
 */
public final class TicketEvents {
    public static final String TICKET = "Ticket";

    public static final String TICKET_ISSUED = "TicketIssued";
    public static final String TICKET_CHECKED_IN = "TicketCheckedIn";
    public static final String TICKET_VOIDED = "TicketVoided";

    private TicketEvents() {}

    public static DomainEvent ticketIssued(UUID eventId, Ticket t) {
        return new DomainEvent(eventId, TICKET, t.id().toString(), TICKET_ISSUED, 1, t.issuedAt(), ticket(t));
    }

    public static DomainEvent ticketCheckedIn(UUID eventId, Ticket t) {
        if (t.checkedInAt() == null) {
            throw new IllegalArgumentException("ticket " + t.id() + " is not checked in");
        }
        Map<String, Object> payload = ticket(t);
        payload.put("checkedInAt", t.checkedInAt().toString());
        payload.put("checkedInBy", t.checkedInBy().value());
        return new DomainEvent(eventId, TICKET, t.id().toString(), TICKET_CHECKED_IN, 1, t.checkedInAt(), payload);
    }

    /** The ticket was made void by a refund ({@code voidedFor}): it opens no door any more. */
    public static DomainEvent ticketVoided(UUID eventId, Ticket t) {
        if (t.voidedAt() == null) {
            throw new IllegalArgumentException("ticket " + t.id() + " is not void");
        }
        Map<String, Object> payload = ticket(t);
        payload.put("voidedAt", t.voidedAt().toString());
        payload.put("refundId", t.voidedFor().toString());
        return new DomainEvent(eventId, TICKET, t.id().toString(), TICKET_VOIDED, 1, t.voidedAt(), payload);
    }

    private static Map<String, Object> ticket(Ticket t) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ticketId", t.id().toString());
        payload.put("reservationId", t.reservationId().toString());
        payload.put("userId", t.userId().value());
        payload.put("concertId", t.concertId());
        payload.put("scheduleId", t.scheduleId());
        payload.put("seatNumber", t.seatNumber());
        payload.put("issuedAt", t.issuedAt().toString());
        return payload;
    }
}
