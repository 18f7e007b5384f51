package domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.shared.Money;
import domain.shared.UserId;
import domain.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketEventsTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static Ticket ticket() {
        Reservation paid = Reservation.hold(
                        UUID.randomUUID(),
                        new UserId("fan"),
                        7,
                        70,
                        700,
                        12,
                        Money.won(1000),
                        NOW,
                        new HoldPolicy(Duration.ofMinutes(5)))
                .confirm(NOW);
        return Ticket.issueFor(UUID.randomUUID(), paid, NOW);
    }

    @Test
    void ticketIssuedNamesTheTicketItsReservationAndSeatButNotItsCode() {
        Ticket t = ticket();
        UUID eventId = UUID.randomUUID();

        DomainEvent e = TicketEvents.ticketIssued(eventId, t);

        assertEquals(eventId, e.id());
        assertEquals("Ticket", e.aggregateType());
        assertEquals(t.id().toString(), e.aggregateId());
        assertEquals("TicketIssued", e.type());
        assertEquals(NOW, e.occurredAt());
        assertEquals(
                List.of("ticketId", "reservationId", "userId", "concertId", "scheduleId", "seatNumber", "issuedAt"),
                List.copyOf(e.payload().keySet()));
        assertEquals(t.reservationId().toString(), e.payload().get("reservationId"));
        assertEquals(12, e.payload().get("seatNumber"));
        assertFalse(e.payload().containsKey("code"));
    }

    @Test
    void ticketCheckedInSaysWhenAndByWhom() {
        Instant door = NOW.plusSeconds(7200);
        Ticket used = ticket().checkIn(new UserId("gate-1"), door);

        DomainEvent e = TicketEvents.ticketCheckedIn(UUID.randomUUID(), used);

        assertEquals("TicketCheckedIn", e.type());
        assertEquals(door, e.occurredAt());
        assertEquals(door.toString(), e.payload().get("checkedInAt"));
        assertEquals("gate-1", e.payload().get("checkedInBy"));
        assertThrows(IllegalArgumentException.class, () -> TicketEvents.ticketCheckedIn(UUID.randomUUID(), ticket()));
    }
}
