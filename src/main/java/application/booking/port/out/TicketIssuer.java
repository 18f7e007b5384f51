package application.booking.port.out;

import domain.reservation.Reservation;
import java.time.Instant;
import java.util.List;

/**
 * What paying needs from ticketing: a ticket for every seat it has just paid, written in the
 * caller's transaction (the payment's), so a paid seat never lacks its ticket and a payment that
 * rolls back leaves none. Served by {@code application.ticketing.IssueTicketsService}: booking
 * names the need, ticketing (which knows reservations anyway) fulfils it, and the two features
 * depend on each other in one direction only.
 */
public interface TicketIssuer {
    /** One ticket for each reservation, which must be CONFIRMED, issued at {@code now}. */
    void issueFor(List<Reservation> paid, Instant now);
}
