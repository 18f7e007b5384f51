package application.fakes;

import application.ticketing.port.out.TicketStore;
import domain.event.DomainEvent;
import domain.shared.UserId;
import domain.ticket.Ticket;
import domain.ticket.TicketDetails;
import domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Tickets in memory, with the guards of {@code PostgresTicketStore}: one ticket per reservation; a
 * check-in writes only an ISSUED ticket, a void only an ISSUED one, each under one lock, as the
 * conditional UPDATE does under the row lock.
 */
public final class InMemoryTicketStore implements TicketStore, TransactionalFake {
    private final InMemoryOutbox outbox;
    private final LongFunction<Instant> startOfSchedule;
    private Map<UUID, Ticket> rows = new LinkedHashMap<>();

    /** New tickets record their event in {@code outbox}; {@code startOfSchedule} plays the schedule table. */
    public InMemoryTicketStore(InMemoryOutbox outbox, LongFunction<Instant> startOfSchedule) {
        this.outbox = outbox;
        this.startOfSchedule = startOfSchedule;
    }

    @Override
    public synchronized void insert(Ticket ticket, DomainEvent issued) {
        if (rows.containsKey(ticket.id())
                || rows.values().stream().anyMatch(t -> t.reservationId().equals(ticket.reservationId()))) {
            throw new IllegalStateException(
                    "duplicate ticket " + ticket.id() + " or reservation " + ticket.reservationId());
        }
        rows.put(ticket.id(), ticket);
        outbox.append(issued);
    }

    @Override
    public synchronized Optional<TicketDetails> findByReservation(UUID reservationId) {
        return rows.values().stream()
                .filter(t -> t.reservationId().equals(reservationId))
                .findFirst()
                .map(this::details);
    }

    @Override
    public synchronized Optional<TicketDetails> findById(UUID ticketId) {
        return Optional.ofNullable(rows.get(ticketId)).map(this::details);
    }

    @Override
    public synchronized Optional<TicketDetails> checkInIfIssued(UUID ticketId, UserId gateKeeper, Instant now) {
        Ticket ticket = rows.get(ticketId);
        if (ticket == null || ticket.status() != TicketStatus.ISSUED) {
            return Optional.empty();
        }
        Ticket checkedIn = ticket.checkIn(gateKeeper, now);
        rows.put(ticketId, checkedIn);
        return Optional.of(details(checkedIn));
    }

    @Override
    public synchronized boolean saveVoidIfIssued(Ticket voided) {
        Ticket ticket = rows.get(voided.id());
        if (ticket == null || ticket.status() != TicketStatus.ISSUED) {
            return false;
        }
        rows.put(voided.id(), voided);
        return true;
    }

    public synchronized List<Ticket> all() {
        return List.copyOf(rows.values());
    }

    private TicketDetails details(Ticket ticket) {
        return new TicketDetails(ticket, startOfSchedule.apply(ticket.scheduleId()));
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<UUID, Ticket> saved = new LinkedHashMap<>(rows);
        return () -> {
            synchronized (this) {
                rows = new LinkedHashMap<>(saved);
            }
        };
    }
}
