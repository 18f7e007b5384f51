package application.ticketing;

import application.booking.port.in.GetReservationUseCase;
import application.booking.port.in.ReservationView;
import application.ticketing.port.in.GetTicketUseCase;
import application.ticketing.port.in.TicketView;
import application.ticketing.port.out.TicketCodes;
import application.ticketing.port.out.TicketStore;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import domain.ticket.TicketDetails;
import domain.ticket.TicketNotIssuedException;
import domain.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The holder's ticket and its code, signed now with the current key: the code is not stored, so a
 * copy of the database opens no door, and after a key rotation the holder gets a code of the new key.
 */
@ApplicationScoped
public class GetTicketService implements GetTicketUseCase {
    private final TicketStore tickets;
    private final TicketCodes codes;
    private final GetReservationUseCase reservations;

    public GetTicketService(TicketStore tickets, TicketCodes codes, GetReservationUseCase reservations) {
        this.tickets = tickets;
        this.codes = codes;
        this.reservations = reservations;
    }

    @Override
    @Transactional
    public TicketView get(UserId userId, UUID reservationId) {
        Optional<TicketDetails> found = tickets.findByReservation(reservationId);
        if (found.isEmpty()) {
            // missing or someone else's: 404 from booking; the caller's own: not paid (yet)
            ReservationView reservation = reservations.get(userId, reservationId);
            throw new TicketNotIssuedException(reservationId, reservation.status());
        }
        TicketDetails details = found.get();
        if (!details.ticket().userId().equals(userId)) {
            throw new NotFoundException("reservation", reservationId);
        }
        String code = details.ticket().status() == TicketStatus.VOID
                ? null
                : codes.encode(details.ticket().claims());
        return new TicketView(details, code);
    }
}
