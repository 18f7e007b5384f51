package application.refund;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.PayReservationService;
import application.booking.ReservationLoader;
import application.booking.port.in.PayReservationUseCase;
import application.fakes.InMemoryRefundStore;
import application.fakes.InMemoryScheduleCancellations;
import application.fakes.InMemoryTicketStore;
import application.fakes.TestBed;
import application.refund.port.in.RefundReservationUseCase;
import application.ticketing.IssueTicketsService;
import domain.concert.Concert;
import domain.concert.ScheduleCancelledException;
import domain.concert.SeatStatus;
import domain.refund.Refund;
import domain.refund.RefundPolicy;
import domain.refund.RefundReason;
import domain.reservation.RefundRefusedException;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import domain.ticket.TicketStatus;
import domain.wallet.TransactionType;
import domain.wallet.WalletTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The owner's refund on the in-memory fakes. */
class RefundReservationServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");
    private static final long PRICE = 30_000;

    private TestBed bed;
    private Concert concert;
    private InMemoryTicketStore tickets;
    private InMemoryRefundStore refunds;
    private InMemoryScheduleCancellations cancellations;
    private PayReservationService pay;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        concert = bed.concert(5, PRICE);
        tickets = new InMemoryTicketStore(
                bed.outbox, scheduleId -> TestBed.onlySchedule(concert).startsAt());
        refunds = new InMemoryRefundStore(bed.reservations, bed.seats);
        cancellations = new InMemoryScheduleCancellations();
        pay = new PayReservationService(
                new ReservationLoader(bed.reservations),
                bed.seats,
                bed.wallets,
                bed.payments,
                bed.idempotency,
                bed.queue,
                bed.outbox,
                bed.afterCommit,
                bed.clock,
                new IssueTicketsService(tickets),
                bed.concerts,
                bed.bookingWindow);
    }

    private RefundReservationService service(int feePercent) {
        return new RefundReservationService(
                bed.reservations,
                tickets,
                refunds,
                cancellations,
                bed.idempotency,
                new RefundSteps(refunds, bed.wallets, tickets, bed.outbox),
                new RefundSettings(
                        new RefundPolicy(Duration.ofHours(24), feePercent),
                        4,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5)),
                bed.clock);
    }

    private Reservation paidSeat(UserId fan, int seat) {
        bed.fund(fan, PRICE);
        Reservation held = bed.hold(fan, concert, seat);
        bed.tx.call(() -> pay.pay(new PayReservationUseCase.Command(fan, held.id(), "pay-" + held.id())));
        return bed.reload(held);
    }

    private RefundReservationUseCase.Result refund(RefundReservationService service, UserId fan, UUID id, String key) {
        return bed.tx.call(() -> service.refund(new RefundReservationUseCase.Command(fan, id, key)));
    }

    @Test
    void aRefundCreditsThePriceFreesTheSeatVoidsTheTicketAndSaysSo() {
        Reservation paid = paidSeat(ALICE, 1);
        long before = bed.balanceOf(ALICE);

        RefundReservationUseCase.Result result = refund(service(0), ALICE, paid.id(), "r-1");

        Refund refund = result.refund();
        assertFalse(result.replayed());
        assertEquals(PRICE, refund.amount().won());
        assertEquals(0, refund.fee().won());
        assertEquals(RefundReason.OWNER, refund.reason());
        assertEquals(before + PRICE, bed.balanceOf(ALICE));
        WalletTransaction line =
                bed.wallets.transaction(refund.walletTransactionId()).orElseThrow();
        assertEquals(TransactionType.REFUND, line.type());
        assertEquals(refund.id(), line.referenceId());
        assertEquals(ReservationStatus.REFUNDED, bed.reload(paid).storedStatus());
        assertEquals(SeatStatus.AVAILABLE, bed.seats.row(paid.scheduleId(), 1).status());
        assertEquals(
                TicketStatus.VOID,
                tickets.findByReservation(paid.id()).orElseThrow().ticket().status());
        assertTrue(bed.outbox.types().containsAll(List.of("ReservationRefunded", "TicketVoided")));
    }

    @Test
    void theFeeIsAPercentOfThePriceRoundedDown() {
        Reservation paid = paidSeat(ALICE, 1);

        Refund refund = refund(service(7), ALICE, paid.id(), "r-1").refund();

        assertEquals(2_100, refund.fee().won());
        assertEquals(PRICE - 2_100, refund.amount().won());
    }

    @Test
    void aFullFeeLeavesNoLedgerLine() {
        Reservation paid = paidSeat(ALICE, 1);
        int lines = bed.wallets.ledger().size();

        Refund refund = refund(service(100), ALICE, paid.id(), "r-1").refund();

        assertEquals(0, refund.amount().won());
        assertNull(refund.walletTransactionId());
        assertEquals(lines, bed.wallets.ledger().size());
        assertEquals(ReservationStatus.REFUNDED, bed.reload(paid).storedStatus());
    }

    @Test
    void replayingTheKeyReturnsTheSameRefundAndMovesNoMoney() {
        Reservation paid = paidSeat(ALICE, 1);
        RefundReservationService service = service(0);
        Refund first = refund(service, ALICE, paid.id(), "r-1").refund();
        long balance = bed.balanceOf(ALICE);

        RefundReservationUseCase.Result again = refund(service, ALICE, paid.id(), "r-1");

        assertTrue(again.replayed());
        assertEquals(first, again.refund());
        assertEquals(balance, bed.balanceOf(ALICE));
    }

    @Test
    void anotherKeyOnARefundedReservationIsRefused() {
        Reservation paid = paidSeat(ALICE, 1);
        RefundReservationService service = service(0);
        refund(service, ALICE, paid.id(), "r-1");
        long balance = bed.balanceOf(ALICE);

        RefundRefusedException e =
                assertThrows(RefundRefusedException.class, () -> refund(service, ALICE, paid.id(), "r-2"));

        assertEquals(RefundRefusedException.Reason.ALREADY_REFUNDED, e.reason());
        assertEquals(balance, bed.balanceOf(ALICE));
    }

    @Test
    void afterTheCutoffNothingIsRefunded() {
        Reservation paid = paidSeat(ALICE, 1);
        bed.clock.advance(Duration.ofDays(30).minusHours(24).plusSeconds(1));
        long balance = bed.balanceOf(ALICE);

        RefundRefusedException e =
                assertThrows(RefundRefusedException.class, () -> refund(service(0), ALICE, paid.id(), "r-1"));

        assertEquals(RefundRefusedException.Reason.CUTOFF_PASSED, e.reason());
        assertEquals(balance, bed.balanceOf(ALICE));
        assertEquals(ReservationStatus.CONFIRMED, bed.reload(paid).storedStatus());
    }

    @Test
    void exactlyAtTheCutoffTheRefundIsStillMade() {
        Reservation paid = paidSeat(ALICE, 1);
        bed.clock.advance(Duration.ofDays(30).minusHours(24));

        assertEquals(
                PRICE,
                refund(service(0), ALICE, paid.id(), "r-1").refund().amount().won());
    }

    @Test
    void someoneElsesReservationIsNotFound() {
        Reservation paid = paidSeat(ALICE, 1);

        assertThrows(NotFoundException.class, () -> refund(service(0), BOB, paid.id(), "r-1"));
        assertEquals(ReservationStatus.CONFIRMED, bed.reload(paid).storedStatus());
    }

    @Test
    void aHoldIsNotPaidAndCannotBeRefunded() {
        Reservation held = bed.hold(ALICE, concert, 2);

        RefundRefusedException e =
                assertThrows(RefundRefusedException.class, () -> refund(service(0), ALICE, held.id(), "r-1"));

        assertEquals(RefundRefusedException.Reason.NOT_PAID, e.reason());
    }

    @Test
    void aUsedTicketCannotBeRefunded() {
        Reservation paid = paidSeat(ALICE, 1);
        UUID ticket =
                tickets.findByReservation(paid.id()).orElseThrow().ticket().id();
        tickets.checkInIfIssued(ticket, user("gate"), bed.now());

        RefundRefusedException e =
                assertThrows(RefundRefusedException.class, () -> refund(service(0), ALICE, paid.id(), "r-1"));

        assertEquals(RefundRefusedException.Reason.TICKET_USED, e.reason());
        assertEquals(ReservationStatus.CONFIRMED, bed.reload(paid).storedStatus());
    }

    @Test
    void aCancelledScheduleIsRefundedByItsJobNotByTheOwner() {
        Reservation paid = paidSeat(ALICE, 1);
        cancellations.cancel(paid.scheduleId(), UUID.randomUUID(), "admin", bed.now());

        assertThrows(ScheduleCancelledException.class, () -> refund(service(0), ALICE, paid.id(), "r-1"));
        assertEquals(ReservationStatus.CONFIRMED, bed.reload(paid).storedStatus());
    }
}
