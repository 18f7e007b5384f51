package application.fakes;

import application.booking.port.out.SeatInventory;
import domain.concert.Seat;
import domain.concert.SeatStatus;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Seats in memory. Every change is a compare-and-set under one lock, with the same conditions as
 * the SQL of {@code PostgresSeatInventory}: a hold takes a seat the domain calls available ({@link
 * Seat#isAvailableAt}: AVAILABLE, or HELD with a lapsed hold); sell and release only touch a seat
 * still HELD for the given reservation. The holder's turn on the concert needs nothing here: the fake reservation
 * repository counts and inserts under its own lock.
 */
public final class InMemorySeatInventory implements SeatInventory, TransactionalFake {
    private final ReentrantLock lock = new ReentrantLock();
    private Map<Long, Row> rows = new LinkedHashMap<>();
    private long nextSeatId = 1;
    private java.util.Set<Long> cancelledSchedules = new java.util.HashSet<>();

    /** One stored seat row. */
    public record Row(
            long id,
            long scheduleId,
            int number,
            Money price,
            SeatStatus status,
            UUID reservationId,
            Instant holdExpiresAt) {
        Seat toSeat() {
            return new Seat(id, scheduleId, number, price, status, holdExpiresAt);
        }
    }

    /** Adds seats 1…count of a schedule, all AVAILABLE at one price. */
    public void addSeats(long scheduleId, int count, Money price) {
        lock.lock();
        try {
            for (int number = 1; number <= count; number++) {
                long id = nextSeatId++;
                rows.put(id, new Row(id, scheduleId, number, price, SeatStatus.AVAILABLE, null, null));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public HoldOutcome hold(
            long scheduleId,
            int seatNumber,
            UUID reservationId,
            Instant holdExpiresAt,
            Instant now,
            UserId holder,
            long concertId) {
        lock.lock();
        try {
            Optional<Row> found = find(scheduleId, seatNumber);
            if (found.isEmpty()) {
                return Refusal.NO_SUCH_SEAT;
            }
            Row row = found.get();
            if (!row.toSeat().isAvailableAt(now)) {
                return Refusal.TAKEN;
            }
            if (cancelledSchedules.contains(scheduleId)) {
                throw new domain.concert.ScheduleCancelledException(scheduleId);
            }
            rows.put(
                    row.id(),
                    new Row(
                            row.id(),
                            scheduleId,
                            seatNumber,
                            row.price(),
                            SeatStatus.HELD,
                            reservationId,
                            holdExpiresAt));
            return new HeldSeat(row.id(), row.price());
        } finally {
            lock.unlock();
        }
    }

    /** Like the SQL: every claimed seat checked under the lock, then all taken or none. */
    @Override
    public OrderOutcome holdAll(
            long scheduleId,
            List<SeatClaim> claims,
            Instant holdExpiresAt,
            Instant now,
            UserId holder,
            long concertId) {
        return takeAll(scheduleId, claims, now, SeatStatus.HELD, holdExpiresAt);
    }

    /** Like the SQL: the box office sells every claimed seat (SOLD) or none, as {@link #holdAll} holds. */
    @Override
    public OrderOutcome sellAll(long scheduleId, List<SeatClaim> claims, Instant now) {
        return takeAll(scheduleId, claims, now, SeatStatus.SOLD, null);
    }

    private OrderOutcome takeAll(
            long scheduleId, List<SeatClaim> claims, Instant now, SeatStatus status, Instant holdExpiresAt) {
        lock.lock();
        try {
            List<Integer> taken = new java.util.ArrayList<>();
            List<Integer> missing = new java.util.ArrayList<>();
            Map<Integer, Row> found = new java.util.HashMap<>();
            for (SeatClaim claim : claims) {
                Optional<Row> row = find(scheduleId, claim.seatNumber());
                if (row.isEmpty()) {
                    missing.add(claim.seatNumber());
                } else if (!row.get().toSeat().isAvailableAt(now)) {
                    taken.add(claim.seatNumber());
                } else {
                    found.put(claim.seatNumber(), row.get());
                }
            }
            if (!taken.isEmpty() || !missing.isEmpty()) {
                return new RefusedOrder(
                        taken.stream().sorted().toList(),
                        missing.stream().sorted().toList());
            }
            if (cancelledSchedules.contains(scheduleId)) {
                throw new domain.concert.ScheduleCancelledException(scheduleId);
            }
            Map<Integer, HeldSeat> held = new java.util.HashMap<>();
            for (SeatClaim claim : claims) {
                Row row = found.get(claim.seatNumber());
                rows.put(
                        row.id(),
                        new Row(
                                row.id(),
                                scheduleId,
                                row.number(),
                                row.price(),
                                status,
                                claim.reservationId(),
                                holdExpiresAt));
                held.put(claim.seatNumber(), new HeldSeat(row.id(), row.price()));
            }
            return new HeldOrder(held);
        } finally {
            lock.unlock();
        }
    }

    /** Plays {@code schedule.cancelled_at}: the schedule's seats are no longer held or sold. */
    public void cancelSchedule(long scheduleId) {
        lock.lock();
        try {
            cancelledSchedules.add(scheduleId);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean sell(long seatId, UUID reservationId) {
        lock.lock();
        try {
            Row row = rows.get(seatId);
            if (row != null && cancelledSchedules.contains(row.scheduleId())) {
                throw new domain.concert.ScheduleCancelledException(row.scheduleId());
            }
        } finally {
            lock.unlock();
        }
        return ifHeldFor(
                seatId,
                reservationId,
                row -> new Row(
                        seatId,
                        row.scheduleId(),
                        row.number(),
                        row.price(),
                        SeatStatus.SOLD,
                        row.reservationId(),
                        null));
    }

    @Override
    public boolean release(long seatId, UUID reservationId) {
        return ifHeldFor(
                seatId,
                reservationId,
                row -> new Row(seatId, row.scheduleId(), row.number(), row.price(), SeatStatus.AVAILABLE, null, null));
    }

    /** For the refund fake: a seat SOLD to that reservation is AVAILABLE again. */
    public boolean releaseSold(long seatId, UUID reservationId) {
        lock.lock();
        try {
            Row row = rows.get(seatId);
            if (row == null || row.status() != SeatStatus.SOLD || !reservationId.equals(row.reservationId())) {
                return false;
            }
            rows.put(
                    seatId,
                    new Row(seatId, row.scheduleId(), row.number(), row.price(), SeatStatus.AVAILABLE, null, null));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Like the SQL's {@code WHERE reservation_id = ? AND status = 'HELD'}: a compare-and-set. */
    private boolean ifHeldFor(long seatId, UUID reservationId, java.util.function.UnaryOperator<Row> change) {
        lock.lock();
        try {
            Row row = rows.get(seatId);
            if (!heldFor(row, reservationId)) {
                return false;
            }
            rows.put(seatId, change.apply(row));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The seats of a schedule ordered by number, as stored. */
    public List<Seat> seatsOf(long scheduleId) {
        lock.lock();
        try {
            return rows.values().stream()
                    .filter(row -> row.scheduleId() == scheduleId)
                    .sorted(Comparator.comparingInt(Row::number))
                    .map(Row::toSeat)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    /** The stored row of one seat, for assertions. */
    public Row row(long scheduleId, int seatNumber) {
        lock.lock();
        try {
            return find(scheduleId, seatNumber).orElseThrow();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Runnable checkpoint() {
        lock.lock();
        try {
            Map<Long, Row> saved = new LinkedHashMap<>(rows);
            java.util.Set<Long> savedCancelled = new java.util.HashSet<>(cancelledSchedules);
            return () -> {
                lock.lock();
                try {
                    rows = new LinkedHashMap<>(saved);
                    cancelledSchedules = new java.util.HashSet<>(savedCancelled);
                } finally {
                    lock.unlock();
                }
            };
        } finally {
            lock.unlock();
        }
    }

    private Optional<Row> find(long scheduleId, int seatNumber) {
        return rows.values().stream()
                .filter(row -> row.scheduleId() == scheduleId && row.number() == seatNumber)
                .findFirst();
    }

    private static boolean heldFor(Row row, UUID reservationId) {
        return row != null && row.status() == SeatStatus.HELD && reservationId.equals(row.reservationId());
    }
}
