package application.booking;

import application.booking.port.in.PayReservationUseCase;
import application.booking.port.out.PaymentRepository;
import application.booking.port.out.SeatInventory;
import application.booking.port.out.TicketIssuer;
import application.catalog.port.out.ConcertRepository;
import application.events.port.out.OutboxPort;
import application.queue.port.out.QueueStore;
import application.shared.IdempotencyKey;
import application.shared.port.out.AfterCommit;
import application.shared.port.out.IdempotencyStore;
import application.wallet.port.out.WalletStore;
import domain.concert.BookingWindow;
import domain.concert.Schedule;
import domain.event.BookingEvents;
import domain.payment.Payment;
import domain.reservation.Reservation;
import domain.reservation.ReservationConflictException;
import domain.reservation.ReservationStatus;
import domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Confirms a reservation, sells its seat and debits the wallet in one transaction; the fan's queue
 * slot is freed after the commit. Locks are taken from the least to the most contended row:
 * the reservation, the seat, then the wallet, last and in one conditional update.
 */
@ApplicationScoped
public class PayReservationService implements PayReservationUseCase {
    static final String OPERATION = "payment";

    private final ReservationLoader loader;
    private final SeatInventory seats;
    private final WalletStore wallets;
    private final PaymentRepository payments;
    private final IdempotencyStore idempotency;
    private final QueueStore queue;
    private final OutboxPort outbox;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final TicketIssuer tickets;
    private final ConcertRepository concerts;
    private final BookingWindow window;

    public PayReservationService(
            ReservationLoader loader,
            SeatInventory seats,
            WalletStore wallets,
            PaymentRepository payments,
            IdempotencyStore idempotency,
            QueueStore queue,
            OutboxPort outbox,
            AfterCommit afterCommit,
            Clock clock,
            TicketIssuer tickets,
            ConcertRepository concerts,
            BookingWindow window) {
        this.loader = loader;
        this.seats = seats;
        this.wallets = wallets;
        this.payments = payments;
        this.idempotency = idempotency;
        this.queue = queue;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.tickets = tickets;
        this.concerts = concerts;
        this.window = window;
    }

    @Override
    @Transactional
    public Result pay(Command command) {
        IdempotencyKey key = new IdempotencyKey(command.userId(), OPERATION, command.idempotencyKey());
        Instant now = clock.instant();
        Optional<UUID> answered = idempotency.claim(key, "reservation=" + command.reservationId(), now);
        if (answered.isPresent()) {
            return new Result(payments.findById(answered.get()).orElseThrow(), true);
        }

        Reservation reservation = loader.ownedBy(command.userId(), command.reservationId());
        Reservation confirmed = reservation.confirm(now);
        requireOnSale(concerts, window, reservation, now);
        loader.saveIfStillHeld(confirmed, now);
        if (!seats.sell(reservation.seatId(), reservation.id())) {
            // the hold lapsed and someone else took the seat between our two statements
            throw new ReservationConflictException(reservation.id(), ReservationStatus.EXPIRED, "paid");
        }
        UUID paymentId = UUID.randomUUID();
        UUID transactionId = UUID.randomUUID();
        Wallet.Change change = wallets.pay(command.userId(), reservation.price(), transactionId, paymentId, now);
        Payment payment = new Payment(
                paymentId,
                reservation.id(),
                command.userId(),
                reservation.price(),
                change.wallet().balance(),
                now,
                paymentId, // a group of one
                transactionId);
        payments.insert(payment);
        outbox.append(BookingEvents.reservationConfirmed(UUID.randomUUID(), confirmed, payment));
        tickets.issueFor(List.of(confirmed), now); // one ticket per paid seat, in this transaction
        idempotency.complete(key, paymentId);
        afterCommit.run(() -> queue.releaseUser(reservation.concertId(), command.userId()));
        return new Result(payment, false);
    }

    /** A held seat of a schedule whose sale has closed is not paid (D48): 409 sale-closed. */
    static void requireOnSale(ConcertRepository concerts, BookingWindow window, Reservation reservation, Instant now) {
        Schedule schedule = concerts.schedule(reservation.scheduleId())
                .orElseThrow(() -> new IllegalStateException("reservation of no schedule: " + reservation.id()));
        window.requireOpen(schedule, now);
    }
}
