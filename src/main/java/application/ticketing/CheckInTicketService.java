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
 * next, then one conditional write that exactly one concurrent check-in of a ticket wins. A loser
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
        if (checkedIn.isEmpty()) {
            TicketDetails current = tickets.findById(claims.ticketId())
                    .orElseThrow(() -> new NotFoundException("ticket", claims.ticketId()));
            // throws: already used (with when) or refunded
            current.ticket().checkIn(command.gateKeeper(), now);
            throw new IllegalStateException("ticket " + claims.ticketId() + " is ISSUED but was not checked in");
        }
        outbox.append(
                TicketEvents.ticketCheckedIn(UUID.randomUUID(), checkedIn.get().ticket()));
        return new TicketView(checkedIn.get(), null);
    }
}
