package application.booking;

import application.booking.port.in.PayReservationUseCase;
import application.booking.port.out.PaymentRepository;
import application.booking.port.out.SeatInventory;
import application.booking.port.out.TicketIssuer;
import application.catalog.port.out.ConcertRepository;
import application.events.port.out.OutboxPort;
import application.queue.port.out.QueueStore;
import application.shared.port.out.AfterCommit;
import application.shared.port.out.IdempotencyStore;
import application.wallet.port.out.WalletStore;
import domain.concert.BookingWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Confirms a reservation, sells its seat and debits the wallet in one transaction: an order of one
 * ({@link Checkout}, whose steps every payment takes); its payment's id is its group's. The fan's queue
 * slot is freed after the commit.
 */
@ApplicationScoped
public class PayReservationService implements PayReservationUseCase {
    private final PaymentRepository payments;
    private final Checkout checkout;

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
        this.payments = payments;
        this.checkout = new Checkout(
                loader,
                seats,
                wallets,
                payments,
                idempotency,
                queue,
                outbox,
                afterCommit,
                clock,
                tickets,
                concerts,
                window);
    }

    @Override
    @Transactional
    public Result pay(Command command) {
        Checkout.Outcome outcome = checkout.pay(
                command.userId(),
                List.of(command.reservationId()),
                command.idempotencyKey(),
                "reservation=" + command.reservationId());
        if (outcome.replayed()) {
            return new Result(payments.findById(outcome.replayOf()).orElseThrow(), true);
        }
        return new Result(outcome.payments().getFirst(), false);
    }
}
