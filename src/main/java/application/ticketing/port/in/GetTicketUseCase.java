package application.ticketing.port.in;

import domain.shared.UserId;
import java.util.UUID;

public interface GetTicketUseCase {
    /**
     * The ticket of the caller's reservation, with its signed code (none when VOID). Someone else's
     * reservation is reported as missing; one of the caller's that is not paid has no ticket
     * ({@code TicketNotIssuedException}).
     */
    TicketView get(UserId userId, UUID reservationId);
}
