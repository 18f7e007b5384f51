package application.booking;

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
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.Wallet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The steps of every wallet payment, for a single reservation ({@link PayReservationService}, an order
 * of one) and several ({@link PayReservationsService}, D47): the Idempotency-Key is claimed; every
 * reservation is confirmed (each must be HELD before anything is written), its schedule must still be
 * on sale (D48), its row is written only if still held and its seat sold; the wallet is debited their
 * total once, last; each reservation gets its payment row (its seat's price) and a
 * reservation-confirmed event, every seat its ticket; the key remembers the group, and the fan's queue
 * slots are freed after the commit. Locks are taken from the least to the most contended row: the
 * reservations and seats in ascending seat-id order (the order holds lock seats in), the wallet last, in
 * one conditional update. Runs inside the caller's transaction.
 */
final class Checkout {
    /** One operation for single and group payments: a key is shared between them, with another fingerprint. */
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

    Checkout(
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

    /**
     * What a payment answered: its payments, in the order a group is read back in ({@link
     * PaymentRepository#findByGroup}), or, when the key had already been answered, only the id it
     * remembers ({@code replayOf}: a single payment's id, a group's id; for an order of one the same).
     */
    record Outcome(List<Payment> payments, UUID replayOf) {
        static Outcome replay(UUID answered) {
            return new Outcome(List.of(), answered);
        }

        boolean replayed() {
            return replayOf != null;
        }
    }

    /**
     * Pays {@code reservationIds} (distinct, at least one) of {@code userId} from the wallet, once per
     * {@code idempotencyKey} with this {@code fingerprint} of what was asked.
     */
    Outcome pay(UserId userId, List<UUID> reservationIds, String idempotencyKey, String fingerprint) {
        IdempotencyKey key = new IdempotencyKey(userId, OPERATION, idempotencyKey);
        Instant now = clock.instant();
        Optional<UUID> answered = idempotency.claim(key, fingerprint, now);
        if (answered.isPresent()) {
            return Outcome.replay(answered.get());
        }

        List<Reservation> held = reservationIds.stream()
                .map(id -> loader.ownedBy(userId, id))
                .sorted(Comparator.comparingLong(Reservation::seatId))
                .toList();
        List<Reservation> confirmed = new ArrayList<>(held.size());
        for (Reservation reservation : held) {
            confirmed.add(reservation.confirm(now)); // every one must be HELD before anything is written
        }
        for (Reservation reservation : held) {
            requireOnSale(reservation, now);
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
        Wallet.Change change = wallets.pay(userId, total, transactionId, groupId, now);
        List<Payment> paid = new ArrayList<>(confirmed.size());
        for (Reservation reservation : confirmed) {
            Payment payment = new Payment(
                    confirmed.size() == 1 ? groupId : UUID.randomUUID(), // an order of one: a group of one
                    reservation.id(),
                    userId,
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
        afterCommit.run(() -> concertIds.forEach(concertId -> queue.releaseUser(concertId, userId)));
        // the order the store reads a group back in (PaymentRepository.findByGroup), so a replay is the same answer
        List<Payment> ordered = new ArrayList<>(paid.size());
        confirmed.stream()
                .sorted(Comparator.comparingLong(Reservation::scheduleId).thenComparingInt(Reservation::seatNumber))
                .forEach(r -> paid.stream()
                        .filter(p -> p.reservationId().equals(r.id()))
                        .forEach(ordered::add));
        return new Outcome(ordered, null);
    }

    /** A held seat of a schedule whose sale has closed is not paid (D48): 409 sale-closed. */
    private void requireOnSale(Reservation reservation, Instant now) {
        Schedule schedule = concerts.schedule(reservation.scheduleId())
                .orElseThrow(() -> new IllegalStateException("reservation of no schedule: " + reservation.id()));
        window.requireOpen(schedule, now);
    }
}
