package application.booking;

import static application.fakes.TestBed.onlySchedule;
import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.in.SellAtBoxOfficeUseCase;
import application.fakes.InMemoryBoxOfficeSales;
import application.fakes.InMemoryTicketStore;
import application.fakes.InMemoryTransactions;
import application.fakes.TestBed;
import application.shared.IdempotencyConflictException;
import application.ticketing.IssueTicketsService;
import domain.concert.BookingWindow;
import domain.concert.Concert;
import domain.concert.SaleClosedException;
import domain.concert.SeatStatus;
import domain.event.BookingEvents;
import domain.payment.ApprovalAlreadyRecordedException;
import domain.payment.BoxOfficeSale;
import domain.payment.CardAmountMismatchException;
import domain.payment.CardApproval;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.reservation.SeatUnavailableException;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SellAtBoxOfficeServiceTest {
    private static final UserId CLERK = user("clerk");
    private static final long PRICE = 40_000;

    private TestBed bed;
    private InMemoryBoxOfficeSales sales;
    private InMemoryTicketStore tickets;
    private InMemoryTransactions tx;
    private Concert concert;
    private long scheduleId;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        sales = new InMemoryBoxOfficeSales();
        tickets = new InMemoryTicketStore(bed.outbox, id -> TestBed.START);
        tx = new InMemoryTransactions(bed.afterCommit, bed.seats, bed.reservations, bed.idempotency, bed.outbox, sales);
        concert = bed.concert(6, PRICE);
        scheduleId = onlySchedule(concert).id();
    }

    private SellAtBoxOfficeService service(Duration closeBefore, int maxSeats) {
        return new SellAtBoxOfficeService(
                bed.concerts,
                bed.seats,
                bed.reservations,
                sales,
                new IssueTicketsService(tickets),
                bed.idempotency,
                new BoxOfficeSettings(new BookingWindow(closeBefore), maxSeats),
                bed.clock);
    }

    private SellAtBoxOfficeUseCase.Result sell(String key, String approvalNo, long amount, Integer... seats) {
        return sell(service(Duration.ZERO, 4), key, approvalNo, amount, seats);
    }

    private SellAtBoxOfficeUseCase.Result sell(
            SellAtBoxOfficeService service, String key, String approvalNo, long amount, Integer... seats) {
        CardApproval approval = new CardApproval("welcome-offline", approvalNo, "T0001", bed.now(), Money.won(amount));
        return tx.call(() ->
                service.sell(new SellAtBoxOfficeUseCase.Command(CLERK, scheduleId, List.of(seats), approval, key)));
    }

    private SeatStatus seat(int number) {
        return bed.seats.row(scheduleId, number).status();
    }

    @Test
    void theSeatsAreSoldAsConfirmedReservationsOfTheSaleWithATicketEach() {
        SellAtBoxOfficeUseCase.Result result = sell("k1", "A1", 2 * PRICE, 5, 2);

        assertFalse(result.replayed());
        BoxOfficeSale sale = result.sale().sale();
        assertEquals(
                List.of(2, 5),
                sale.seats().stream().map(BoxOfficeSale.SoldSeat::seatNumber).toList());
        assertEquals(Money.won(2 * PRICE), sale.amount());
        assertEquals(CLERK, sale.soldBy());
        for (BoxOfficeSale.SoldSeat sold : sale.seats()) {
            assertEquals(SeatStatus.SOLD, seat(sold.seatNumber()));
            Reservation r = bed.reservations.findById(sold.reservationId()).orElseThrow();
            assertEquals(ReservationStatus.CONFIRMED, r.storedStatus());
            assertEquals(BoxOfficeSale.buyer(sale.id()), r.userId());
            assertEquals(sale.id(), r.orderId());
            assertTrue(tickets.findByReservation(r.id()).isPresent(), "a ticket per seat");
        }
        assertEquals(
                2,
                bed.outbox.events().stream()
                        .filter(e -> e.type().equals(BookingEvents.RESERVATION_SOLD_AT_BOX_OFFICE))
                        .count());
    }

    @Test
    void theSameKeyReplaysAndAnotherBodyWithItIsRefused() {
        SellAtBoxOfficeUseCase.Result first = sell("k1", "A1", PRICE, 1);
        SellAtBoxOfficeUseCase.Result again = sell("k1", "A1", PRICE, 1);

        assertTrue(again.replayed());
        assertEquals(first.sale().sale().id(), again.sale().sale().id());
        assertEquals(1, sales.count());
        assertThrows(IdempotencyConflictException.class, () -> sell("k1", "A2", PRICE, 2));
        assertEquals(SeatStatus.AVAILABLE, seat(2));
    }

    @Test
    void aTakenSeatSellsNothingOfTheSale() {
        bed.hold(user("fan"), concert, 3);

        SeatUnavailableException refused =
                assertThrows(SeatUnavailableException.class, () -> sell("k1", "A1", 2 * PRICE, 2, 3));

        assertEquals(List.of(3), refused.seatNumbers());
        assertEquals(SeatStatus.AVAILABLE, seat(2));
        assertEquals(0, sales.count());
    }

    @Test
    void anotherAmountOrAUsedApprovalRollsTheSeatsBack() {
        assertThrows(CardAmountMismatchException.class, () -> sell("k1", "A1", PRICE + 1, 1));
        assertEquals(SeatStatus.AVAILABLE, seat(1));

        sell("k2", "A1", PRICE, 1);
        assertThrows(ApprovalAlreadyRecordedException.class, () -> sell("k3", "A1", PRICE, 2));
        assertEquals(SeatStatus.AVAILABLE, seat(2));
        assertEquals(1, sales.count());
    }

    @Test
    void theBoxOfficeHasItsOwnWindowAndSeatLimit() {
        Duration untilStart = Duration.between(bed.now(), onlySchedule(concert).startsAt());
        assertThrows(SaleClosedException.class, () -> sell(service(untilStart, 4), "k1", "A1", PRICE, 1));
        assertThrows(InvalidValueException.class, () -> sell(service(Duration.ZERO, 1), "k2", "A2", 2 * PRICE, 1, 2));
        assertThrows(InvalidValueException.class, () -> sell("k3", "A3", 2 * PRICE, 1, 1));
        assertEquals(SeatStatus.AVAILABLE, seat(1));
    }
}
