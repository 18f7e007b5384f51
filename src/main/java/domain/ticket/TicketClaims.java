package domain.ticket;

import domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.UUID;

/**
 * What a ticket code states, under the service's signature: which ticket, for which schedule and
 * seat. A gate device that holds the public key reads this offline; the door still asks the service
 * whether the ticket was used.
 */
public record TicketClaims(UUID ticketId, long scheduleId, int seatNumber) {
    public TicketClaims {
        Objects.requireNonNull(ticketId);
        if (scheduleId < 1 || seatNumber < 1) {
            throw new InvalidValueException("code", "a ticket names a schedule and a seat");
        }
    }
}
