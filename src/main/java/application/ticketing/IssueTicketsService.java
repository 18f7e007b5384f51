package application.ticketing;

import application.booking.port.out.TicketIssuer;
import application.ticketing.port.out.TicketStore;
import domain.event.TicketEvents;
import domain.reservation.Reservation;
import domain.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A ticket per paid seat, written with its event in the payment's transaction (booking's
 * {@link TicketIssuer}): never a paid seat without a ticket, nor a ticket for a payment that rolled
 * back. Ticket ids are random UUIDs (122 bits), and a code is only ever accepted with the service's
 * signature.
 */
@ApplicationScoped
public class IssueTicketsService implements TicketIssuer {
    private final TicketStore tickets;

    public IssueTicketsService(TicketStore tickets) {
        this.tickets = tickets;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void issueFor(List<Reservation> paid, Instant now) {
        issue(paid, now);
    }

    /** {@link #issueFor}, returning the tickets. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Ticket> issue(List<Reservation> paid, Instant now) {
        List<Ticket> issued = new ArrayList<>(paid.size());
        for (Reservation reservation : paid) {
            Ticket ticket = Ticket.issueFor(UUID.randomUUID(), reservation, now);
            tickets.insert(ticket, TicketEvents.ticketIssued(UUID.randomUUID(), ticket));
            issued.add(ticket);
        }
        return issued;
    }
}
