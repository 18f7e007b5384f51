package application.ticketing.port.in;

import domain.ticket.TicketSigningKey;
import java.util.List;

public interface ListTicketSigningKeysUseCase {
    /** The public keys ticket codes verify with: the signing key's first, then the other accepted ones. */
    List<TicketSigningKey> keys();
}
