package application.fakes;

import application.refund.port.out.ScheduleCancellations;
import domain.refund.ScheduleCancellation;
import domain.reservation.Reservation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The part of {@code PostgresScheduleCancellations} that the owner's refund needs: which schedules
 * are cancelled. The job's reads and writes are exercised on PostgreSQL
 * ({@code contract.ScheduleCancellationContractTest}); here they are not supported.
 */
public final class InMemoryScheduleCancellations implements ScheduleCancellations, TransactionalFake {
    private Map<Long, ScheduleCancellation> rows = new HashMap<>();

    @Override
    public synchronized Optional<Started> cancel(long scheduleId, UUID jobId, String requestedBy, Instant now) {
        ScheduleCancellation existing = rows.get(scheduleId);
        if (existing != null) {
            return Optional.of(new Started(existing, 0, false));
        }
        ScheduleCancellation created = new ScheduleCancellation(
                scheduleId, jobId, ScheduleCancellation.Status.RUNNING, requestedBy, 0, 0, 0, 0, null, now, null);
        rows.put(scheduleId, created);
        return Optional.of(new Started(created, 0, true));
    }

    @Override
    public synchronized Optional<ScheduleCancellation> find(long scheduleId) {
        return Optional.ofNullable(rows.get(scheduleId));
    }

    @Override
    public synchronized boolean isCancelled(long scheduleId) {
        return rows.containsKey(scheduleId);
    }

    @Override
    public List<Long> running() {
        throw new UnsupportedOperationException("the cancellation job runs on PostgreSQL in tests");
    }

    @Override
    public ScheduleCancellation lock(long scheduleId) {
        throw new UnsupportedOperationException("the cancellation job runs on PostgreSQL in tests");
    }

    @Override
    public List<Reservation> paidAfter(long scheduleId, UUID after, int limit) {
        throw new UnsupportedOperationException("the cancellation job runs on PostgreSQL in tests");
    }

    @Override
    public List<Reservation> liveHolds(long scheduleId, Instant now, int limit) {
        throw new UnsupportedOperationException("the cancellation job runs on PostgreSQL in tests");
    }

    @Override
    public void advance(long scheduleId, UUID cursor, long refunded, long holdsCancelled, Instant now) {
        throw new UnsupportedOperationException("the cancellation job runs on PostgreSQL in tests");
    }

    @Override
    public void complete(long scheduleId, Instant now) {
        throw new UnsupportedOperationException("the cancellation job runs on PostgreSQL in tests");
    }

    @Override
    public boolean concertHasAnotherScheduleOnSale(long scheduleId, Instant now) {
        throw new UnsupportedOperationException("the cancellation job runs on PostgreSQL in tests");
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<Long, ScheduleCancellation> saved = new HashMap<>(rows);
        return () -> {
            synchronized (this) {
                rows = new HashMap<>(saved);
            }
        };
    }
}
