package application.booking;

import application.booking.port.in.PayReservationsUseCase;
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
import domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pays several of the caller's held reservations in one transaction with one wallet debit of their
 * total (D47): every reservation becomes CONFIRMED and its seat SOLD, or nothing changes. Each
 * reservation keeps its own payment row (its seat's price), so refunds and the partner sync stay per
 * reservation; the rows share a group id, which the Idempotency-Key remembers and the ledger line
 * references. The steps, and the order locks are taken in, are {@link Checkout}'s, as in a single
 * payment.
 */
@ApplicationScoped
public class PayReservationsService implements PayReservationsUseCase {
    private final PaymentRepository payments;
    private final Checkout checkout;

    public PayReservationsService(
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
        List<UUID> ids = command.reservationIds();
        if (ids.isEmpty() || new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidValueException("reservationIds", "name one or more reservations, each once");
        }
        // the same key is shared with single payments (one operation), with another fingerprint
        Checkout.Outcome outcome = checkout.pay(command.userId(), ids, command.idempotencyKey(), fingerprint(ids));
        if (outcome.replayed()) {
            return new Result(payments.findByGroup(outcome.replayOf()), true);
        }
        return new Result(outcome.payments(), false);
    }

    /** The same set of reservations gives the same fingerprint, whatever their order in the body. */
    static String fingerprint(List<UUID> reservationIds) {
        String ids = reservationIds.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.US_ASCII));
            return "reservations=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
