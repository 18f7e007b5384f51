package application.ticketing.port.in;

import domain.ticket.TicketDetails;
import java.util.Objects;

/** A ticket as its holder or a gate sees it; {@code code} is null when there is none to show (VOID). */
public record TicketView(TicketDetails details, String code) {
    public TicketView {
        Objects.requireNonNull(details);
    }
}
