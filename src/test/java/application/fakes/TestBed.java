package application.fakes;

import application.booking.port.out.SeatInventory;
import application.queue.port.out.QueueSettings;
import application.queue.port.out.QueueStore;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.Schedule;
import domain.event.BookingEvents;
import domain.queue.QueueStatus;
import domain.queue.QueueToken;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every fake wired together around one clock, with shortcuts for the usual arrangements. */
public final class TestBed {
    public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    public static final Duration ACTIVE_TTL = Duration.ofMinutes(10);
    public static final Duration HOLD_TTL = Duration.ofMinutes(5);

    public final MutableClock clock = new MutableClock(START);
    public final InMemorySeatInventory seats = new InMemorySeatInventory();
    public final InMemoryConcertRepository concerts = new InMemoryConcertRepository(seats);
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final InMemoryReservationRepository reservations = new InMemoryReservationRepository(
            outbox, scheduleId -> concerts.schedule(scheduleId).map(Schedule::startsAt));
    public final InMemoryWalletStore wallets = new InMemoryWalletStore();
    public final InMemoryPaymentRepository payments = new InMemoryPaymentRepository(reservations::findById);
    public final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    public final InMemoryQueueStore queue = new InMemoryQueueStore();
    public final InMemoryWaitingRoomCapacities capacities = new InMemoryWaitingRoomCapacities();
    public final InMemorySaleOpenings openings = new InMemorySaleOpenings(concerts);
    public final FakeQueueTokenSigner signer = new FakeQueueTokenSigner("test-bed-key");
    public final application.queue.QueueTokens tokens = new application.queue.QueueTokens(signer);
    public final InMemoryTopUpStore topUps = new InMemoryTopUpStore();
    public final InMemoryTopUpOrderStore topUpOrders = new InMemoryTopUpOrderStore();
    /** Direct charges on (as in the dev and test profiles); 30 min orders, 5 open per user. */
    public final application.wallet.WalletSettings walletSettings = new application.wallet.WalletSettings(
            true, Duration.ofMinutes(30), 5, Duration.ofDays(7), Duration.ofMinutes(2), 100);

    public final RecordingAfterCommit afterCommit = new RecordingAfterCommit();
    public final InMemoryTransactions tx = new InMemoryTransactions(
            afterCommit,
            concerts,
            seats,
            reservations,
            wallets,
            payments,
            idempotency,
            outbox,
            topUps,
            topUpOrders,
            capacities,
            openings);
    public final QueueSettings queueSettings;
    public final HoldPolicy holdPolicy = new HoldPolicy(HOLD_TTL);
    /** Sales close at a schedule's start (reservation.close-before's default). */
    public final domain.concert.BookingWindow bookingWindow = new domain.concert.BookingWindow(Duration.ZERO);

    public TestBed() {
        this(100);
    }

    public TestBed(int defaultMaxActive) {
        this.queueSettings = new QueueSettings(defaultMaxActive, ACTIVE_TTL);
    }

    /** The charge use case as it runs with the given PGs (none: charges need no payment, as in dev). */
    public application.wallet.ChargeWalletService chargeWallet(FakePaymentGateway gateway) {
        return new application.wallet.ChargeWalletService(
                new application.wallet.ChargeSteps(wallets, idempotency, outbox, topUps, topUpOrders, clock),
                gateway,
                new application.wallet.SettleTopUpService(topUps, wallets, outbox, clock),
                wallets,
                walletSettings);
    }

    public Instant now() {
        return clock.instant();
    }

    /** A concert with one schedule a month ahead, its seats 1…seatCount at {@code price} won. */
    public Concert concert(int seatCount, long price) {
        return concerts.create(
                new ConcertPlan(
                        "Concert " + UUID.randomUUID(),
                        List.of(new ConcertPlan.SchedulePlan(
                                now().plus(Duration.ofDays(30)), seatCount, Money.won(price)))),
                now());
    }

    public static Schedule onlySchedule(Concert concert) {
        return concert.schedules().getFirst();
    }

    /** Puts the user straight into the concert's waiting room and returns the raw token. */
    public String enter(UserId userId, long concertId) {
        QueueStore.Entry entry = queue.enter(new QueueStore.Arrival(
                concertId,
                userId,
                tokens.issue(userId, concertId, now()),
                now(),
                queueSettings.defaultMaxActive(),
                queueSettings.activeTtl()));
        return entry.view().ticket().token().value();
    }

    /**
     * Moves the clock on while the fans holding {@code tokens} keep polling their place once a
     * minute, as their clients do: a WAITING fan who stops polling leaves the line after the
     * waiting TTL ({@code QueueTicket.hasAbandoned}).
     */
    public void advanceWhilePolling(Duration by, List<String> tokens) {
        Duration step = Duration.ofMinutes(1);
        for (Duration left = by; left.isPositive(); ) {
            Duration next = left.compareTo(step) < 0 ? left : step;
            clock.advance(next);
            left = left.minus(next);
            tokens.forEach(token -> queue.find(new QueueToken(token), now(), queueSettings.defaultMaxActive()));
        }
    }

    /** A QueueGate over this bed's queue, settings, clock and token signer. */
    public application.queue.QueueGate gate() {
        return new application.queue.QueueGate(queue, queueSettings, clock, tokens);
    }

    /** A token that admits the user to the concert now. */
    public String admittedToken(UserId userId, long concertId) {
        String token = enter(userId, concertId);
        QueueStatus status = queue.find(new QueueToken(token), now(), queueSettings.defaultMaxActive())
                .orElseThrow()
                .ticket()
                .status();
        if (status != QueueStatus.ACTIVE) {
            throw new IllegalStateException("the user was not admitted at once: " + status);
        }
        return token;
    }

    /** Holds a seat for the user the way the hold use case does, without the queue check. */
    public Reservation hold(UserId userId, Concert concert, int seatNumber) {
        Schedule schedule = onlySchedule(concert);
        UUID reservationId = UUID.randomUUID();
        if (!(seats.hold(
                        schedule.id(),
                        seatNumber,
                        reservationId,
                        holdPolicy.expiryFor(now()),
                        now(),
                        userId,
                        concert.id())
                instanceof SeatInventory.HeldSeat seat)) {
            throw new IllegalStateException("seat " + seatNumber + " is not free");
        }
        Reservation reservation = Reservation.hold(
                reservationId,
                userId,
                concert.id(),
                schedule.id(),
                seat.seatId(),
                seatNumber,
                seat.price(),
                now(),
                holdPolicy);
        reservations.insert(reservation, BookingEvents.reservationHeld(UUID.randomUUID(), reservation, now()));
        return reservation;
    }

    public Reservation reload(Reservation reservation) {
        return reservations.findById(reservation.id()).orElseThrow();
    }

    public void fund(UserId userId, long won) {
        wallets.charge(userId, Money.won(won), UUID.randomUUID(), now());
    }

    public long balanceOf(UserId userId) {
        return wallets.load(userId).balance().won();
    }

    public static UserId user(String name) {
        return new UserId(name);
    }
}
