package application.ticketing.port.out;

import domain.shared.Configured;
import domain.ticket.TicketClaims;
import domain.ticket.TicketSigningKey;
import java.util.List;
import java.util.Optional;

/**
 * Ticket codes: a ticket's claims signed with the service's private key, short enough for a QR
 * code, verifiable offline by anyone holding the public keys ({@link #verificationKeys()}).
 */
public interface TicketCodes extends Configured {
    /** The code of these claims, signed with the current key. */
    String encode(TicketClaims claims);

    /**
     * The claims of a code signed with the signing key or an accepted one; empty for anything else
     * (malformed, altered, another key), never an exception.
     */
    Optional<TicketClaims> decode(String code);

    /** The signing key first, then the other accepted ones. */
    List<TicketSigningKey> verificationKeys();
}
