package application.ticketing;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.GetReservationService;
import application.booking.ReservationLoader;
import application.fakes.InMemoryTicketStore;
import application.fakes.TestBed;
import application.ticketing.port.in.CheckInTicketUseCase;
import application.ticketing.port.in.TicketView;
import domain.concert.Concert;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import domain.ticket.Ticket;
import domain.ticket.TicketAlreadyUsedException;
import domain.ticket.TicketClaims;
import domain.ticket.TicketCodeInvalidException;
import domain.ticket.TicketForAnotherScheduleException;
import domain.ticket.TicketNotIssuedException;
import domain.ticket.TicketRefundedException;
import domain.ticket.TicketStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.TicketKeys;

/** Issuing, showing and checking in tickets on the in-memory fakes. */
class TicketingServicesTest {
    private static final UserId FAN = user("fan");
    private static final UserId OTHER = user("other");
    private static final UserId GATE = user("gate");

    private TestBed bed;
    private Concert concert;
    private InMemoryTicketStore tickets;
    private IssueTicketsService issue;
    private GetTicketService get;
    private CheckInTicketService checkIn;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        concert = bed.concert(5, 1000);
        tickets = new InMemoryTicketStore(
                bed.outbox, scheduleId -> TestBed.onlySchedule(concert).startsAt());
        issue = new IssueTicketsService(tickets);
        get = new GetTicketService(
                tickets,
                TicketKeys.codes(),
                new GetReservationService(new ReservationLoader(bed.reservations), bed.clock));
        checkIn = new CheckInTicketService(TicketKeys.codes(), tickets, bed.outbox, bed.clock);
    }

    private Ticket paidTicket(int seat) {
        Reservation paid = bed.hold(FAN, concert, seat).confirm(bed.now());
        return issue.issue(List.of(paid), bed.now()).getFirst();
    }

    private String codeOf(UUID reservationId) {
        return get.get(FAN, reservationId).code();
    }

    private TicketView checkIn(String code) {
        return checkIn.checkIn(new CheckInTicketUseCase.Command(GATE, code, null));
    }

    @Test
    void eachPaidSeatGetsItsTicketAndEvent() {
        Reservation a = bed.hold(FAN, concert, 1).confirm(bed.now());
        Reservation b = bed.hold(FAN, concert, 2).confirm(bed.now());

        List<Ticket> issued = issue.issue(List.of(a, b), bed.now());

        assertEquals(List.of(1, 2), issued.stream().map(Ticket::seatNumber).toList());
        assertEquals(2, tickets.all().size());
        assertEquals(
                2, bed.outbox.types().stream().filter("TicketIssued"::equals).count());
    }

    @Test
    void theHolderSeesTheTicketWithACodeThatNamesIt() {
        Ticket ticket = paidTicket(3);

        TicketView view = get.get(FAN, ticket.reservationId());

        assertEquals(ticket, view.details().ticket());
        assertEquals(TestBed.onlySchedule(concert).startsAt(), view.details().startsAt());
        assertEquals(
                new TicketClaims(ticket.id(), ticket.scheduleId(), 3),
                TicketKeys.codes().decode(view.code()).orElseThrow());
    }

    @Test
    void someoneElsesTicketAndAMissingReservationAreNotFound() {
        Ticket ticket = paidTicket(1);

        assertThrows(NotFoundException.class, () -> get.get(OTHER, ticket.reservationId()));
        assertThrows(NotFoundException.class, () -> get.get(FAN, UUID.randomUUID()));
    }

    @Test
    void aReservationThatIsNotPaidHasNoTicketYet() {
        Reservation held = bed.hold(FAN, concert, 1);

        TicketNotIssuedException e = assertThrows(TicketNotIssuedException.class, () -> get.get(FAN, held.id()));
        assertEquals(ReservationStatus.HELD, e.status());
        bed.clock.advance(TestBed.HOLD_TTL.plus(Duration.ofSeconds(1)));
        assertEquals(
                ReservationStatus.EXPIRED,
                assertThrows(TicketNotIssuedException.class, () -> get.get(FAN, held.id()))
                        .status());
    }

    @Test
    void theFirstCheckInLetsInAndTheNextIsRefusedWithTheTimeOfTheFirst() {
        Ticket ticket = paidTicket(1);
        String code = codeOf(ticket.reservationId());

        TicketView first = checkIn(code);
        bed.clock.advance(Duration.ofSeconds(30));
        TicketAlreadyUsedException again = assertThrows(TicketAlreadyUsedException.class, () -> checkIn(code));

        assertEquals(TicketStatus.CHECKED_IN, first.details().ticket().status());
        assertEquals(GATE, first.details().ticket().checkedInBy());
        assertEquals(first.details().ticket().checkedInAt(), again.checkedInAt());
        assertEquals(
                1, bed.outbox.types().stream().filter("TicketCheckedIn"::equals).count());
        assertNull(first.code());
    }

    @Test
    void aForgedCodeIsInvalidAndAWellSignedUnknownTicketIsNotFound() {
        paidTicket(1);

        assertThrows(TicketCodeInvalidException.class, () -> checkIn("TK1.T1.FORGED"));
        assertThrows(
                TicketCodeInvalidException.class,
                () -> checkIn(support.TicketKeys.codes()
                        .encode(new TicketClaims(UUID.randomUUID(), 1, 1))
                        .replace("TK1.T1.", "TK1.T0.")));
        String unknown = TicketKeys.codes().encode(new TicketClaims(UUID.randomUUID(), 1, 1));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> checkIn(unknown));
        assertEquals("ticket", missing.kind());
        assertTrue(bed.outbox.types().stream().noneMatch("TicketCheckedIn"::equals));
    }

    @Test
    void aWellSignedCodeForAnotherSeatThanItsTicketIsInvalid() {
        Ticket ticket = paidTicket(1);
        String otherSeat =
                TicketKeys.codes().encode(new TicketClaims(ticket.id(), ticket.scheduleId(), ticket.seatNumber() + 1));
        checkIn(codeOf(ticket.reservationId()));

        // whether the ticket is still unused (the real store rolls the write back) or already used
        assertThrows(TicketCodeInvalidException.class, () -> checkIn(otherSeat));
    }

    @Test
    void aVoidTicketIsRefundedAtTheDoor() {
        Ticket ticket = paidTicket(1);
        String code = codeOf(ticket.reservationId());
        assertTrue(tickets.saveVoidIfIssued(ticket.voidFor(UUID.randomUUID(), bed.now())));

        assertThrows(TicketRefundedException.class, () -> checkIn(code));
        TicketView view = get.get(FAN, ticket.reservationId());
        assertEquals(TicketStatus.VOID, view.details().ticket().status());
        assertNull(view.code(), "a void ticket shows no code");
    }

    @Test
    void aGateForAnotherScheduleRefusesTheTicketWithoutUsingIt() {
        Ticket ticket = paidTicket(1);
        String code = codeOf(ticket.reservationId());

        assertThrows(
                TicketForAnotherScheduleException.class,
                () -> checkIn.checkIn(new CheckInTicketUseCase.Command(GATE, code, ticket.scheduleId() + 1)));
        assertEquals(
                TicketStatus.CHECKED_IN,
                checkIn.checkIn(new CheckInTicketUseCase.Command(GATE, code, ticket.scheduleId()))
                        .details()
                        .ticket()
                        .status());
    }

    @Test
    void aCodeOfTheKeyBeforeTheRotationStillLetsIn() {
        Ticket ticket = paidTicket(1);
        String old = TicketKeys.oldCodes().encode(ticket.claims());

        assertEquals(ticket.id(), checkIn(old).details().ticket().id());
    }
}
