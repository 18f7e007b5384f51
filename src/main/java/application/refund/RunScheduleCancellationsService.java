package application.refund;

import application.booking.port.out.ReservationRepository;
import application.booking.port.out.SeatInventory;
import application.events.port.out.OutboxPort;
import application.queue.port.out.QueueStore;
import application.refund.port.in.RunScheduleCancellationsUseCase;
import application.refund.port.out.ScheduleCancellations;
import application.shared.ChunkRunner;
import application.shared.JobSettings;
import application.shared.port.out.ChunkTransactions;
import application.shared.port.out.JobLock;
import application.ticketing.port.out.TicketStore;
import domain.event.BookingEvents;
import domain.refund.RefundPolicy;
import domain.refund.ScheduleCancellation;
import domain.reservation.Reservation;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The refund job of cancelled schedules (D50), under one lease across instances. For each schedule
 * not yet COMPLETED, two chunked steps ({@link ChunkRunner}, one transaction per chunk, the job's row
 * locked by each chunk): its live holds are cancelled (seat AVAILABLE, ReservationCancelled), then
 * its paid seats are refunded in full in reservation-id order after the cursor, which moves with the
 * chunk's refunds. A chunk that fails rolls back with its cursor: the next run (the scheduler's, or
 * the admin trigger) does it again, and no seat is refunded twice — the refund row is unique per
 * reservation and the reservation leaves CONFIRMED in the same commit. When both steps run out, the
 * job is COMPLETED.
 *
 * <p>Queue tokens: a fan whose hold was cancelled loses their ACTIVE token of the concert only when
 * the concert has no other schedule on sale; otherwise they keep it and may pick another date.
 */
@ApplicationScoped
public class RunScheduleCancellationsService implements RunScheduleCancellationsUseCase {
    private static final Logger LOG = Logger.getLogger(RunScheduleCancellationsService.class.getName());
    /** The lease of a run (the generic job trigger holds {@code schedule-cancellation} around it). */
    static final String LEASE = "schedule-cancellation:run";

    private final ScheduleCancellations cancellations;
    private final ReservationRepository reservations;
    private final SeatInventory seats;
    private final TicketStore tickets;
    private final QueueStore queue;
    private final OutboxPort outbox;
    private final RefundSteps steps;
    private final JobLock lock;
    private final ChunkTransactions transactions;
    private final JobSettings jobSettings;
    private final RefundSettings settings;
    private final Clock clock;

    public RunScheduleCancellationsService(
            ScheduleCancellations cancellations,
            ReservationRepository reservations,
            SeatInventory seats,
            TicketStore tickets,
            QueueStore queue,
            OutboxPort outbox,
            RefundSteps steps,
            JobLock lock,
            ChunkTransactions transactions,
            JobSettings jobSettings,
            RefundSettings settings,
            Clock clock) {
        this.cancellations = cancellations;
        this.reservations = reservations;
        this.seats = seats;
        this.tickets = tickets;
        this.queue = queue;
        this.outbox = outbox;
        this.steps = steps;
        this.lock = lock;
        this.transactions = transactions;
        this.jobSettings = jobSettings;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public long runPending() {
        Optional<JobLock.Lease> lease = lock.tryAcquire(LEASE, jobSettings.leaseTtl());
        if (lease.isEmpty()) {
            return 0;
        }
        try (JobLock.Lease held = lease.get()) {
            Instant deadline = clock.instant().plus(settings.maxRunTime());
            BooleanSupplier keepGoing = () -> clock.instant().isBefore(deadline);
            long done = 0;
            for (long scheduleId : transactions.inNewTransaction(settings.chunkTimeout(), cancellations::running)) {
                if (!keepGoing.getAsBoolean()) {
                    break;
                }
                done += runOne(scheduleId, keepGoing);
            }
            return done;
        }
    }

    private long runOne(long scheduleId, BooleanSupplier keepGoing) {
        CancelHolds holds = new CancelHolds(scheduleId);
        ChunkRunner.Outcome held =
                ChunkRunner.run(holds, transactions, settings.batchSize(), settings.chunkTimeout(), keepGoing);
        if (!held.exhausted()) {
            report(scheduleId, "holds", held);
            return held.written();
        }
        ChunkRunner.Outcome paid = ChunkRunner.run(
                new RefundPaidSeats(scheduleId),
                transactions,
                settings.batchSize(),
                settings.chunkTimeout(),
                keepGoing);
        if (!paid.exhausted()) {
            report(scheduleId, "refunds", paid);
            return held.written() + paid.written();
        }
        transactions.inNewTransaction(settings.chunkTimeout(), () -> {
            cancellations.lock(scheduleId);
            cancellations.complete(scheduleId, clock.instant());
            return null;
        });
        LOG.info(String.format(
                "schedule %d cancelled: job completed (%d holds cancelled, %d seats refunded in this run)",
                scheduleId, held.written(), paid.written()));
        return held.written() + paid.written();
    }

    private static void report(long scheduleId, String step, ChunkRunner.Outcome outcome) {
        if (outcome.failed()) {
            LOG.warning("schedule " + scheduleId + " cancellation: a chunk of " + step
                    + " failed and is retried by the next run: " + outcome.failure());
        }
    }

    /** Cancels the schedule's live holds, a chunk at a time. */
    private final class CancelHolds implements ChunkRunner.Step<Reservation, Reservation> {
        private final long scheduleId;
        private List<UserId> released = List.of();
        private long concertId;
        private boolean releaseTokens;

        CancelHolds(long scheduleId) {
            this.scheduleId = scheduleId;
        }

        @Override
        public List<Reservation> read(int size) {
            cancellations.lock(scheduleId);
            return cancellations.liveHolds(scheduleId, clock.instant(), size);
        }

        @Override
        public Reservation process(Reservation hold) {
            Instant now = clock.instant();
            Reservation cancelled = hold.cancel(now);
            if (!reservations.saveIfStillHeld(cancelled, now)) {
                return null; // lapsed or cancelled by its fan meanwhile
            }
            seats.release(hold.seatId(), hold.id());
            outbox.append(BookingEvents.reservationCancelled(UUID.randomUUID(), cancelled, now));
            return cancelled;
        }

        @Override
        public void write(List<Reservation> read, List<Reservation> cancelled) {
            Instant now = clock.instant();
            cancellations.advance(scheduleId, cancellations.lock(scheduleId).cursor(), 0, cancelled.size(), now);
            releaseTokens = !cancelled.isEmpty() && !cancellations.concertHasAnotherScheduleOnSale(scheduleId, now);
            concertId = cancelled.isEmpty() ? 0 : cancelled.getFirst().concertId();
            released = cancelled.stream().map(Reservation::userId).distinct().toList();
        }

        @Override
        public void committed() {
            if (releaseTokens) {
                // Redis follows the commit; a failure here leaves a token to end by its TTL
                released.forEach(user -> {
                    try {
                        queue.releaseUser(concertId, user);
                    } catch (RuntimeException e) {
                        LOG.warning("queue token of " + user.value() + " not released: " + e.getMessage());
                    }
                });
            }
        }
    }

    /** Refunds the schedule's paid seats in full, after the job's cursor, a chunk at a time. */
    private final class RefundPaidSeats implements ChunkRunner.Step<Reservation, Reservation> {
        private final long scheduleId;
        private ScheduleCancellation job;

        RefundPaidSeats(long scheduleId) {
            this.scheduleId = scheduleId;
        }

        @Override
        public List<Reservation> read(int size) {
            job = cancellations.lock(scheduleId);
            return cancellations.paidAfter(scheduleId, job.cursor(), size);
        }

        @Override
        public Reservation process(Reservation paid) {
            Instant now = clock.instant();
            boolean refunded = steps.apply(
                    paid,
                    RefundPolicy.cancelledScheduleRefund(UUID.randomUUID(), paid, job.jobId(), UUID.randomUUID(), now),
                    tickets.findByReservation(paid.id()),
                    false,
                    now);
            return refunded ? paid : null; // null: its owner refunded it just before
        }

        @Override
        public void write(List<Reservation> read, List<Reservation> refunded) {
            cancellations.advance(scheduleId, read.getLast().id(), refunded.size(), 0, clock.instant());
        }
    }
}
