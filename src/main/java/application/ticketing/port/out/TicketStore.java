package application.ticketing.port.out;

import domain.event.DomainEvent;
import domain.shared.UserId;
import domain.ticket.Ticket;
import domain.ticket.TicketDetails;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Tickets, each with the start of its schedule when read. */
public interface TicketStore {
    /** Stores a new ticket and the event that announces it, in one write, in the caller's transaction. */
    void insert(Ticket ticket, DomainEvent issued);

    Optional<TicketDetails> findByReservation(UUID reservationId);

    Optional<TicketDetails> findById(UUID ticketId);

    /**
     * Marks the ticket CHECKED_IN at {@code now} by {@code gateKeeper} if it is ISSUED and was never
     * checked in: one conditional write, so exactly one of any number of concurrent callers (on any
     * instance) gets the ticket back; the others get nothing and nothing is written.
     */
    Optional<TicketDetails> checkInIfIssued(UUID ticketId, UserId gateKeeper, Instant now);

    /**
     * Writes a VOID ticket ({@code Ticket.voidFor}) if it is still ISSUED; false when it was not
     * (checked in or voided meanwhile), and nothing is written. For refunds.
     */
    boolean saveVoidIfIssued(Ticket voided);
}
