package application.ticketing;

import application.events.port.out.OutboxPort;
import application.ticketing.port.in.CheckInTicketUseCase;
import application.ticketing.port.in.TicketView;
import application.ticketing.port.out.TicketCodes;
import application.ticketing.port.out.TicketStore;
import domain.event.TicketEvents;
import domain.shared.NotFoundException;
import domain.ticket.TicketClaims;
import domain.ticket.TicketCodeInvalidException;
import domain.ticket.TicketDetails;
import domain.ticket.TicketForAnotherScheduleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The door: the code's signature first (nothing is read for a forged code), the gate's schedule
 * next, then one conditional write that exactly one concurrent check-in of a ticket wins; the
 * stored ticket must be the code's seat (else the write is rolled back and the code is invalid). A loser
 * reads the ticket to say why it was refused (used, and when; or refunded).
 */
@ApplicationScoped
public class CheckInTicketService implements CheckInTicketUseCase {
    private final TicketCodes codes;
    private final TicketStore tickets;
    private final OutboxPort outbox;
    private final Clock clock;

    public CheckInTicketService(TicketCodes codes, TicketStore tickets, OutboxPort outbox, Clock clock) {
        this.codes = codes;
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public TicketView checkIn(Command command) {
        TicketClaims claims = codes.decode(command.code()).orElseThrow(TicketCodeInvalidException::new);
        if (command.gateScheduleId() != null && command.gateScheduleId() != claims.scheduleId()) {
            throw new TicketForAnotherScheduleException(
                    claims.ticketId(), claims.scheduleId(), command.gateScheduleId());
        }
        Instant now = clock.instant();
        Optional<TicketDetails> checkedIn = tickets.checkInIfIssued(claims.ticketId(), command.gateKeeper(), now);
        if (checkedIn.isPresent()) {
            // a code signed over another seat than the ticket's (a signer's bug, a leaked key): the
            // exception rolls the check-in back
            requireSameSeat(claims, checkedIn.get());
        } else {
            TicketDetails current = tickets.findById(claims.ticketId())
                    .orElseThrow(() -> new NotFoundException("ticket", claims.ticketId()));
            requireSameSeat(claims, current);
            // throws: already used (with when) or refunded
            current.ticket().checkIn(command.gateKeeper(), now);
            throw new IllegalStateException("ticket " + claims.ticketId() + " is ISSUED but was not checked in");
        }
        outbox.append(
                TicketEvents.ticketCheckedIn(UUID.randomUUID(), checkedIn.get().ticket()));
        return new TicketView(checkedIn.get(), null);
    }

    /** The code's schedule and seat are the stored ticket's, or the code is not this ticket's. */
    private static void requireSameSeat(TicketClaims claims, TicketDetails stored) {
        if (!stored.ticket().claims().equals(claims)) {
            throw new TicketCodeInvalidException();
        }
    }
}
