package application.ticketing.port.in;

import domain.reservation.Reservation;
import domain.ticket.Ticket;
import java.time.Instant;
import java.util.List;

/**
 * Issues one ticket per paid seat, in the caller's transaction (the payment's): the tickets and
 * their {@code TicketIssued} events commit or roll back with the payment.
 */
public interface IssueTicketsUseCase {
    /** One ticket for each reservation, which must be CONFIRMED; issued at {@code now}. */
    List<Ticket> issue(List<Reservation> paid, Instant now);
}
