package application.booking;

import static application.fakes.TestBed.onlySchedule;
import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.in.PayReservationUseCase;
import application.booking.port.in.PayReservationsUseCase;
import application.fakes.InMemoryTicketStore;
import application.fakes.TestBed;
import application.shared.IdempotencyConflictException;
import application.ticketing.IssueTicketsService;
import domain.concert.BookingWindow;
import domain.concert.Concert;
import domain.concert.SaleClosedException;
import domain.concert.SeatStatus;
import domain.event.BookingEvents;
import domain.payment.Payment;
import domain.reservation.Reservation;
import domain.reservation.ReservationConflictException;
import domain.reservation.ReservationStatus;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import domain.wallet.InsufficientBalanceException;
import domain.wallet.TransactionType;
import domain.wallet.WalletTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayReservationsServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");
    private static final long PRICE = 30_000;

    private TestBed bed;
    private InMemoryTicketStore tickets;
    private PayReservationsService service;
    private Concert concert;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        tickets = new InMemoryTicketStore(bed.outbox, scheduleId -> TestBed.START);
        service = service(bed.bookingWindow);
        concert = bed.concert(6, PRICE);
    }

    private PayReservationsService service(BookingWindow window) {
        return new PayReservationsService(
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
                window);
    }

    private PayReservationsUseCase.Result pay(UserId userId, String key, Reservation... reservations) {
        List<UUID> ids =
                java.util.Arrays.stream(reservations).map(Reservation::id).toList();
        return bed.tx.call(() -> service.pay(new PayReservationsUseCase.Command(userId, ids, key)));
    }

    private SeatStatus seat(Reservation r) {
        return bed.seats.row(r.scheduleId(), r.seatNumber()).status();
    }

    @Test
    void everyReservationIsPaidWithOneLedgerLineOfTheTotal() {
        bed.fund(ALICE, 100_000);
        Reservation three = bed.hold(ALICE, concert, 3);
        Reservation one = bed.hold(ALICE, concert, 1);

        PayReservationsUseCase.Result result = pay(ALICE, "key-1", three, one);

        assertFalse(result.replayed());
        assertEquals(Money.won(2 * PRICE), result.total());
        assertEquals(Money.won(40_000), result.balanceAfter());
        assertEquals(
                List.of(one.id(), three.id()),
                result.payments().stream().map(Payment::reservationId).toList(),
                "by seat");
        for (Payment p : result.payments()) {
            assertEquals(Money.won(PRICE), p.amount(), "each payment is its seat's price");
            assertEquals(result.groupId(), p.groupId());
            assertEquals(result.walletTransactionId(), p.walletTransactionId());
        }
        List<WalletTransaction> payments = bed.wallets.ledger().stream()
                .filter(t -> t.type() == TransactionType.PAYMENT)
                .toList();
        assertEquals(1, payments.size(), "one ledger line");
        assertEquals(Money.won(2 * PRICE), payments.getFirst().amount());
        assertEquals(result.walletTransactionId(), payments.getFirst().id());
        assertEquals(result.groupId(), payments.getFirst().referenceId());
        for (Reservation r : List.of(one, three)) {
            assertEquals(ReservationStatus.CONFIRMED, bed.reload(r).storedStatus());
            assertEquals(SeatStatus.SOLD, seat(r));
        }
        assertEquals(2, tickets.all().size(), "a ticket per seat");
        assertEquals(
                2,
                bed.outbox.types().stream()
                        .filter(BookingEvents.RESERVATION_CONFIRMED::equals)
                        .count());
        assertEquals(40_000, bed.balanceOf(ALICE));
    }

    @Test
    void aReplayReturnsTheSameAnswerAndChangesNothing() {
        bed.fund(ALICE, 100_000);
        Reservation a = bed.hold(ALICE, concert, 1);
        Reservation b = bed.hold(ALICE, concert, 2);
        PayReservationsUseCase.Result first = pay(ALICE, "key-1", a, b);
        int ledger = bed.wallets.ledger().size();

        PayReservationsUseCase.Result replay = pay(ALICE, "key-1", b, a);

        assertTrue(replay.replayed());
        assertEquals(first.payments(), replay.payments(), "the ids in any order are the same request");
        assertEquals(ledger, bed.wallets.ledger().size());
        assertEquals(40_000, bed.balanceOf(ALICE));
        assertThrows(IdempotencyConflictException.class, () -> pay(ALICE, "key-1", a));
        assertThrows(
                IdempotencyConflictException.class,
                () -> bed.tx.call(() -> new PayReservationService(
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
                                bed.bookingWindow)
                        .pay(new PayReservationUseCase.Command(ALICE, a.id(), "key-1"))),
                "one key, one operation, whichever shape");
    }

    @Test
    void oneReservationNotHeldPaysNothing() {
        bed.fund(ALICE, 100_000);
        Reservation a = bed.hold(ALICE, concert, 1);
        Reservation b = bed.hold(ALICE, concert, 2);
        bed.reservations.overwrite(b.cancel(bed.now()));

        ReservationConflictException e = assertThrows(ReservationConflictException.class, () -> pay(ALICE, "k", a, b));

        assertEquals(b.id(), e.reservationId());
        assertEquals(ReservationStatus.HELD, bed.reload(a).storedStatus());
        assertEquals(SeatStatus.HELD, seat(a));
        assertEquals(100_000, bed.balanceOf(ALICE));
        assertTrue(bed.payments.all().isEmpty());
    }

    @Test
    void someoneElsesOrAnUnknownReservationPaysNothing() {
        bed.fund(ALICE, 100_000);
        Reservation mine = bed.hold(ALICE, concert, 1);
        Reservation bobs = bed.hold(BOB, concert, 2);

        assertThrows(NotFoundException.class, () -> pay(ALICE, "k1", mine, bobs));
        assertThrows(
                NotFoundException.class,
                () -> bed.tx.call(() -> service.pay(
                        new PayReservationsUseCase.Command(ALICE, List.of(mine.id(), UUID.randomUUID()), "k2"))));

        assertEquals(ReservationStatus.HELD, bed.reload(mine).storedStatus());
        assertEquals(100_000, bed.balanceOf(ALICE));
    }

    @Test
    void aShortBalanceForTheTotalPaysNothing() {
        bed.fund(ALICE, 2 * PRICE - 1);
        Reservation a = bed.hold(ALICE, concert, 1);
        Reservation b = bed.hold(ALICE, concert, 2);

        assertThrows(InsufficientBalanceException.class, () -> pay(ALICE, "k", a, b));

        assertEquals(ReservationStatus.HELD, bed.reload(a).storedStatus());
        assertEquals(ReservationStatus.HELD, bed.reload(b).storedStatus());
        assertEquals(SeatStatus.HELD, seat(b));
        assertTrue(tickets.all().isEmpty());
        assertEquals(2 * PRICE - 1, bed.balanceOf(ALICE));
    }

    @Test
    void repeatedOrNoReservationsAreInvalid() {
        Reservation a = bed.hold(ALICE, concert, 1);

        assertThrows(InvalidValueException.class, () -> pay(ALICE, "k", a, a));
        assertThrows(InvalidValueException.class, () -> pay(ALICE, "k2"));
    }

    @Test
    void aClosedSaleIsNotPaid() {
        service = service(new BookingWindow(Duration.ofDays(1)));
        bed.fund(ALICE, 100_000);
        bed.clock.set(onlySchedule(concert).startsAt().minus(Duration.ofDays(1)));
        Reservation live = bed.hold(ALICE, concert, 2); // held just as the sale closes (the bed checks no window)

        assertThrows(SaleClosedException.class, () -> pay(ALICE, "k", live));

        assertEquals(ReservationStatus.HELD, bed.reload(live).storedStatus());
        assertEquals(100_000, bed.balanceOf(ALICE));
    }
}
