package domain.ticket;

import domain.shared.DomainException;

/**
 * A presented code is not a ticket code this service signed: malformed, altered, or signed with a
 * key it does not know. Which of these is not said.
 */
public final class TicketCodeInvalidException extends DomainException {
    public TicketCodeInvalidException() {
        super("the code is not a valid ticket code (malformed, altered, or signed with an unknown key)");
    }
}
