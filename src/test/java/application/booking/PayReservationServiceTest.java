package application.booking;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.in.PayReservationUseCase;
import application.fakes.InMemoryTicketStore;
import application.fakes.TestBed;
import application.shared.IdempotencyConflictException;
import application.shared.IdempotencyKey;
import application.ticketing.IssueTicketsService;
import domain.concert.Concert;
import domain.concert.SeatStatus;
import domain.payment.Payment;
import domain.queue.QueueStatus;
import domain.queue.QueueToken;
import domain.reservation.Reservation;
import domain.reservation.ReservationConflictException;
import domain.reservation.ReservationStatus;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import domain.ticket.Ticket;
import domain.ticket.TicketStatus;
import domain.wallet.InsufficientBalanceException;
import domain.wallet.TransactionType;
import domain.wallet.WalletTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayReservationServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");
    private static final long PRICE = 30_000;

    private TestBed bed;
    private InMemoryTicketStore tickets;
    private PayReservationService service;
    private Concert concert;
    private String alicesToken;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        tickets = new InMemoryTicketStore(bed.outbox, scheduleId -> TestBed.START);
        service = new PayReservationService(
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
        concert = bed.concert(5, PRICE);
        alicesToken = bed.admittedToken(ALICE, concert.id());
    }

    private PayReservationUseCase.Result pay(UserId userId, UUID reservationId, String key) {
        return bed.tx.call(() -> service.pay(new PayReservationUseCase.Command(userId, reservationId, key)));
    }

    private boolean alicesSlotIsLive() {
        return bed.queue
                .find(new QueueToken(alicesToken), bed.now(), bed.queueSettings.defaultMaxActive())
                .filter(view -> view.ticket().status() == QueueStatus.ACTIVE)
                .isPresent();
    }

    @Test
    void payingConfirmsTheReservationSellsTheSeatAndDebitsTheWallet() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);

        PayReservationUseCase.Result result = pay(ALICE, reservation.id(), "key-1");

        Payment payment = result.payment();
        assertFalse(result.replayed());
        assertEquals(reservation.id(), payment.reservationId());
        assertEquals(ALICE, payment.userId());
        assertEquals(Money.won(PRICE), payment.amount());
        assertEquals(Money.won(70_000), payment.balanceAfter());
        assertEquals(bed.now(), payment.createdAt());
        assertEquals(ReservationStatus.CONFIRMED, bed.reload(reservation).storedStatus());
        assertEquals(SeatStatus.SOLD, bed.seats.row(reservation.scheduleId(), 1).status());
        assertEquals(70_000, bed.balanceOf(ALICE));
        assertEquals(payment, bed.payments.findById(payment.id()).orElseThrow());
    }

    @Test
    void theWalletLedgerGetsOnePaymentLineReferencingThePayment() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);

        Payment payment = pay(ALICE, reservation.id(), "key-1").payment();

        List<WalletTransaction> history = bed.wallets.history(ALICE, 10);
        assertEquals(2, history.size());
        WalletTransaction line = history.stream()
                .filter(t -> t.type() == TransactionType.PAYMENT)
                .findFirst()
                .orElseThrow();
        assertEquals(payment.id(), line.referenceId());
        assertEquals(Money.won(PRICE), line.amount());
        assertEquals(Money.won(70_000), line.balanceAfter());
    }

    @Test
    void payingReleasesTheQueueSlotAfterTheCommit() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);
        assertTrue(alicesSlotIsLive());

        pay(ALICE, reservation.id(), "key-1");

        assertFalse(alicesSlotIsLive());
        assertEquals(1, bed.afterCommit.ran());
    }

    @Test
    void theQueueSlotIsNotReleasedBeforeTheCommit() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);

        bed.afterCommit.begin();
        service.pay(new PayReservationUseCase.Command(ALICE, reservation.id(), "key-1"));

        assertTrue(alicesSlotIsLive());
        assertEquals(1, bed.afterCommit.pending());
        bed.afterCommit.commit();
        assertFalse(alicesSlotIsLive());
    }

    @Test
    void aReplayWithTheSameKeyReturnsTheSamePaymentAndChangesNothing() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);
        Payment first = pay(ALICE, reservation.id(), "key-1").payment();
        int ledgerLines = bed.wallets.ledger().size();
        int afterCommitWork = bed.afterCommit.submitted();

        PayReservationUseCase.Result replay = pay(ALICE, reservation.id(), "key-1");

        assertTrue(replay.replayed());
        assertEquals(first, replay.payment());
        assertEquals(70_000, bed.balanceOf(ALICE));
        assertEquals(ledgerLines, bed.wallets.ledger().size());
        assertEquals(1, bed.payments.all().size());
        assertEquals(afterCommitWork, bed.afterCommit.submitted());
        assertEquals(ReservationStatus.CONFIRMED, bed.reload(reservation).storedStatus());
    }

    @Test
    void aReplayStillAnswersAfterTheHoldTimeHasPassed() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);
        Payment first = pay(ALICE, reservation.id(), "key-1").payment();
        bed.clock.advance(TestBed.HOLD_TTL.multipliedBy(2));

        assertEquals(first, pay(ALICE, reservation.id(), "key-1").payment());
    }

    @Test
    void theSameKeyForAnotherReservationIsAConflict() {
        bed.fund(ALICE, 100_000);
        Reservation first = bed.hold(ALICE, concert, 1);
        Reservation second = bed.hold(ALICE, concert, 2);
        pay(ALICE, first.id(), "key-1");

        assertThrows(IdempotencyConflictException.class, () -> pay(ALICE, second.id(), "key-1"));

        assertEquals(ReservationStatus.HELD, bed.reload(second).storedStatus());
        assertEquals(SeatStatus.HELD, bed.seats.row(second.scheduleId(), 2).status());
        assertEquals(70_000, bed.balanceOf(ALICE));
    }

    @Test
    void keysAreScopedToTheirUser() {
        bed.fund(ALICE, 100_000);
        bed.fund(BOB, 100_000);
        Reservation alices = bed.hold(ALICE, concert, 1);
        Reservation bobs = bed.hold(BOB, concert, 2);

        Payment alicePaid = pay(ALICE, alices.id(), "same-key").payment();
        PayReservationUseCase.Result bobPaid = pay(BOB, bobs.id(), "same-key");

        assertFalse(bobPaid.replayed());
        assertEquals(bobs.id(), bobPaid.payment().reservationId());
        assertNotEquals(alicePaid.id(), bobPaid.payment().id());
    }

    @Test
    void aChargeKeyDoesNotCollideWithAPaymentKey() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);
        bed.idempotency.claim(new IdempotencyKey(ALICE, "charge", "shared"), "amount=5", bed.clock.instant());

        assertFalse(pay(ALICE, reservation.id(), "shared").replayed());
    }

    @Test
    void anInsufficientBalanceRefusesThePaymentAndChangesNothing() {
        bed.fund(ALICE, PRICE - 1);
        Reservation reservation = bed.hold(ALICE, concert, 1);

        InsufficientBalanceException e =
                assertThrows(InsufficientBalanceException.class, () -> pay(ALICE, reservation.id(), "key-1"));

        assertEquals(Money.won(PRICE - 1), e.balance());
        assertEquals(Money.won(PRICE), e.required());
        assertEquals(PRICE - 1, bed.balanceOf(ALICE));
        assertEquals(ReservationStatus.HELD, bed.reload(reservation).storedStatus());
        assertEquals(SeatStatus.HELD, bed.seats.row(reservation.scheduleId(), 1).status());
        assertTrue(bed.payments.all().isEmpty());
        assertEquals(0, bed.afterCommit.ran());
        assertTrue(alicesSlotIsLive());
    }

    @Test
    void afterAnInsufficientBalanceTheSameKeyCanPayOnceTheWalletIsToppedUp() {
        Reservation reservation = bed.hold(ALICE, concert, 1);
        assertThrows(InsufficientBalanceException.class, () -> pay(ALICE, reservation.id(), "key-1"));
        bed.fund(ALICE, PRICE);

        PayReservationUseCase.Result result = pay(ALICE, reservation.id(), "key-1");

        assertFalse(result.replayed());
        assertEquals(0, bed.balanceOf(ALICE));
        assertEquals(ReservationStatus.CONFIRMED, bed.reload(reservation).storedStatus());
    }

    @Test
    void anExpiredHoldCannotBePaid() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);
        bed.clock.set(reservation.expiresAt());

        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> pay(ALICE, reservation.id(), "key-1"));

        assertEquals(ReservationStatus.EXPIRED, e.status());
        assertEquals(100_000, bed.balanceOf(ALICE));
        assertTrue(bed.payments.all().isEmpty());
    }

    @Test
    void aPaidReservationCannotBePaidAgainWithAnotherKey() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);
        pay(ALICE, reservation.id(), "key-1");

        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> pay(ALICE, reservation.id(), "key-2"));

        assertEquals(ReservationStatus.CONFIRMED, e.status());
        assertEquals(70_000, bed.balanceOf(ALICE));
    }

    @Test
    void aCancelledReservationCannotBePaid() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);
        bed.reservations.overwrite(reservation.cancel(bed.now()));

        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> pay(ALICE, reservation.id(), "key-1"));

        assertEquals(ReservationStatus.CANCELLED, e.status());
    }

    @Test
    void whenTheSeatWentToSomeoneElseThePaymentIsAConflictAndRollsBack() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);
        // between our two statements the seat changed hands
        bed.reservations.beforeNextSaveIfStillHeld(() -> {
            bed.seats.release(reservation.seatId(), reservation.id());
            bed.seats.hold(
                    reservation.scheduleId(),
                    1,
                    UUID.randomUUID(),
                    bed.now().plus(Duration.ofMinutes(5)),
                    bed.now(),
                    BOB,
                    concert.id());
        });

        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> pay(ALICE, reservation.id(), "key-1"));

        assertEquals(ReservationStatus.EXPIRED, e.status());
        assertEquals(ReservationStatus.HELD, bed.reload(reservation).storedStatus());
        assertEquals(100_000, bed.balanceOf(ALICE));
        assertTrue(bed.payments.all().isEmpty());
    }

    @Test
    void someoneElsesReservationIsNotFound() {
        bed.fund(BOB, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);

        assertThrows(NotFoundException.class, () -> pay(BOB, reservation.id(), "key-1"));

        assertEquals(100_000, bed.balanceOf(BOB));
        assertEquals(ReservationStatus.HELD, bed.reload(reservation).storedStatus());
    }

    @Test
    void aMalformedIdempotencyKeyIsRejectedBeforeAnythingHappens() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 1);

        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> pay(ALICE, reservation.id(), "has space"));

        assertEquals("Idempotency-Key", e.field());
        assertEquals(0, bed.idempotency.size());
        assertEquals(ReservationStatus.HELD, bed.reload(reservation).storedStatus());
    }

    @Test
    void payingIssuesOneTicketForTheSeatWithItsEventAndAReplayIssuesNoOther() {
        bed.fund(ALICE, 100_000);
        Reservation reservation = bed.hold(ALICE, concert, 3);

        pay(ALICE, reservation.id(), "key-1");
        pay(ALICE, reservation.id(), "key-1");

        Ticket ticket = tickets.all().getFirst();
        assertEquals(1, tickets.all().size());
        assertEquals(reservation.id(), ticket.reservationId());
        assertEquals(ALICE, ticket.userId());
        assertEquals(3, ticket.seatNumber());
        assertEquals(TicketStatus.ISSUED, ticket.status());
        assertEquals(bed.now(), ticket.issuedAt());
        assertEquals(
                1, bed.outbox.types().stream().filter("TicketIssued"::equals).count());
    }

    @Test
    void aRefusedPaymentIssuesNoTicket() {
        bed.fund(ALICE, PRICE - 1);
        Reservation reservation = bed.hold(ALICE, concert, 1);

        assertThrows(InsufficientBalanceException.class, () -> pay(ALICE, reservation.id(), "key-1"));

        assertTrue(tickets.all().isEmpty());
        assertFalse(bed.outbox.types().contains("TicketIssued"));
    }
}
