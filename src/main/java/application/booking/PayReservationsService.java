package application.booking;

import application.booking.port.in.PayReservationsUseCase;
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
import domain.event.BookingEvents;
import domain.payment.Payment;
import domain.reservation.Reservation;
import domain.reservation.ReservationConflictException;
import domain.reservation.ReservationStatus;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pays several of the caller's held reservations in one transaction with one wallet debit of their
 * total (D47): every reservation becomes CONFIRMED and its seat SOLD, or nothing changes. Each
 * reservation keeps its own payment row (its seat's price), so refunds and the partner sync stay per
 * reservation; the rows share a group id, which the Idempotency-Key remembers and the ledger line
 * references. Locks are taken as in a single payment, reservations and seats in ascending seat-id
 * order (the order holds lock seats in), the wallet last.
 */
@ApplicationScoped
public class PayReservationsService implements PayReservationsUseCase {
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
        List<UUID> ids = command.reservationIds();
        if (ids.isEmpty() || new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidValueException("reservationIds", "name one or more reservations, each once");
        }
        // the same key is shared with single payments (one operation), with another fingerprint
        IdempotencyKey key =
                new IdempotencyKey(command.userId(), PayReservationService.OPERATION, command.idempotencyKey());
        Instant now = clock.instant();
        Optional<UUID> answered = idempotency.claim(key, fingerprint(ids), now);
        if (answered.isPresent()) {
            return new Result(payments.findByGroup(answered.get()), true);
        }

        List<Reservation> held = ids.stream()
                .map(id -> loader.ownedBy(command.userId(), id))
                .sorted(Comparator.comparingLong(Reservation::seatId))
                .toList();
        List<Reservation> confirmed = new ArrayList<>(held.size());
        for (Reservation reservation : held) {
            confirmed.add(reservation.confirm(now)); // every one must be HELD before anything is written
        }
        for (Reservation reservation : held) {
            PayReservationService.requireOnSale(concerts, window, reservation, now);
        }
        for (Reservation reservation : confirmed) {
            loader.saveIfStillHeld(reservation, now);
        }
        for (Reservation reservation : held) {
            if (!seats.sell(reservation.seatId(), reservation.id())) {
                // the hold lapsed and someone else took the seat between our statements
                throw new ReservationConflictException(reservation.id(), ReservationStatus.EXPIRED, "paid");
            }
        }
        UUID groupId = UUID.randomUUID();
        UUID transactionId = UUID.randomUUID();
        Money total = held.stream().map(Reservation::price).reduce(Money.won(0), Money::plus);
        Wallet.Change change = wallets.pay(command.userId(), total, transactionId, groupId, now);
        List<Payment> paid = new ArrayList<>(confirmed.size());
        for (Reservation reservation : confirmed) {
            Payment payment = new Payment(
                    UUID.randomUUID(),
                    reservation.id(),
                    command.userId(),
                    reservation.price(),
                    change.wallet().balance(),
                    now,
                    groupId,
                    transactionId);
            payments.insert(payment);
            outbox.append(BookingEvents.reservationConfirmed(UUID.randomUUID(), reservation, payment));
            paid.add(payment);
        }
        tickets.issueFor(confirmed, now); // one ticket per paid seat, in this transaction
        idempotency.complete(key, groupId);
        Set<Long> concertIds =
                held.stream().map(Reservation::concertId).collect(Collectors.toCollection(LinkedHashSet::new));
        afterCommit.run(() -> concertIds.forEach(concertId -> queue.releaseUser(concertId, command.userId())));
        // the order the store reads a group back in (PaymentRepository.findByGroup), so a replay is the same answer
        List<Payment> ordered = new ArrayList<>(paid.size());
        confirmed.stream()
                .sorted(Comparator.comparingLong(Reservation::scheduleId).thenComparingInt(Reservation::seatNumber))
                .forEach(r -> paid.stream()
                        .filter(p -> p.reservationId().equals(r.id()))
                        .forEach(ordered::add));
        return new Result(ordered, false);
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
