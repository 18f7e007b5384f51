package application.ticketing;

import application.ticketing.port.in.ListTicketSigningKeysUseCase;
import application.ticketing.port.out.TicketCodes;
import domain.ticket.TicketSigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ListTicketSigningKeysService implements ListTicketSigningKeysUseCase {
    private final TicketCodes codes;

    public ListTicketSigningKeysService(TicketCodes codes) {
        this.codes = codes;
    }

    @Override
    public List<TicketSigningKey> keys() {
        return codes.verificationKeys();
    }
}
