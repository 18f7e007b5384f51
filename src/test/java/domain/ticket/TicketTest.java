package domain.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final UserId FAN = new UserId("fan");
    private static final UserId GATE = new UserId("gate-1");

    private static Reservation held() {
        return Reservation.hold(
                UUID.randomUUID(), FAN, 7, 70, 700, 12, Money.won(1000), NOW, new HoldPolicy(Duration.ofMinutes(5)));
    }

    private static Ticket issued() {
        return Ticket.issueFor(UUID.randomUUID(), held().confirm(NOW), NOW);
    }

    @Test
    void aPaidReservationGetsAnIssuedTicketForItsSeat() {
        Reservation paid = held().confirm(NOW);
        UUID id = UUID.randomUUID();

        Ticket ticket = Ticket.issueFor(id, paid, NOW);

        assertEquals(id, ticket.id());
        assertEquals(paid.id(), ticket.reservationId());
        assertEquals(FAN, ticket.userId());
        assertEquals(7, ticket.concertId());
        assertEquals(70, ticket.scheduleId());
        assertEquals(12, ticket.seatNumber());
        assertEquals(TicketStatus.ISSUED, ticket.status());
        assertEquals(NOW, ticket.issuedAt());
        assertNull(ticket.checkedInAt());
        assertEquals(new TicketClaims(id, 70, 12), ticket.claims());
    }

    @Test
    void aReservationThatIsNotPaidGetsNoTicket() {
        assertThrows(IllegalArgumentException.class, () -> Ticket.issueFor(UUID.randomUUID(), held(), NOW));
        assertThrows(IllegalArgumentException.class, () -> Ticket.issueFor(UUID.randomUUID(), held().cancel(NOW), NOW));
    }

    @Test
    void aTicketIsCheckedInOnceAndThenSaysWhen() {
        Ticket ticket = issued();
        Instant door = NOW.plusSeconds(3600);

        Ticket used = ticket.checkIn(GATE, door);

        assertEquals(TicketStatus.CHECKED_IN, used.status());
        assertEquals(door, used.checkedInAt());
        assertEquals(GATE, used.checkedInBy());
        TicketAlreadyUsedException again =
                assertThrows(TicketAlreadyUsedException.class, () -> used.checkIn(GATE, door.plusSeconds(5)));
        assertEquals(door, again.checkedInAt());
        assertEquals(ticket.id(), again.ticketId());
    }

    @Test
    void aVoidTicketAdmitsNoOne() {
        Ticket voided = issued().voidFor(UUID.randomUUID(), NOW);

        assertEquals(TicketStatus.VOID, voided.status());
        assertEquals(NOW, voided.voidedAt());
        TicketRefundedException refused = assertThrows(TicketRefundedException.class, () -> voided.checkIn(GATE, NOW));
        assertEquals(voided.id(), refused.ticketId());
    }

    @Test
    void voidingAgainForTheSameRefundChangesNothingAndForAnotherIsRefused() {
        UUID refund = UUID.randomUUID();
        Ticket voided = issued().voidFor(refund, NOW);

        assertSame(voided, voided.voidFor(refund, NOW.plusSeconds(60)));
        assertThrows(TicketRefundedException.class, () -> voided.voidFor(UUID.randomUUID(), NOW));
    }

    @Test
    void aUsedTicketCannotBeRefunded() {
        Ticket used = issued().checkIn(GATE, NOW);

        assertThrows(TicketAlreadyUsedException.class, () -> used.voidFor(UUID.randomUUID(), NOW));
    }

    @Test
    void statusAndItsTimesGoTogether() {
        Ticket t = issued();
        assertThrows(
                IllegalArgumentException.class,
                () -> new Ticket(
                        t.id(),
                        t.reservationId(),
                        t.userId(),
                        t.concertId(),
                        t.scheduleId(),
                        t.seatNumber(),
                        TicketStatus.CHECKED_IN,
                        t.issuedAt(),
                        null,
                        null,
                        null,
                        null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Ticket(
                        t.id(),
                        t.reservationId(),
                        t.userId(),
                        t.concertId(),
                        t.scheduleId(),
                        t.seatNumber(),
                        TicketStatus.ISSUED,
                        t.issuedAt(),
                        NOW,
                        GATE,
                        null,
                        null));
    }
}
