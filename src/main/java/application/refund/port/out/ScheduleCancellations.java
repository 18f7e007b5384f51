package application.refund.port.out;

import domain.refund.ScheduleCancellation;
import domain.reservation.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cancelled schedules and the job that refunds each (D50). Holds and payments take a share of their
 * schedule ({@code SeatInventory.hold}/{@code sell} refuse a cancelled one), and {@link #cancel}
 * waits for them: once it returns, no seat of the schedule can be held or paid any more, so the
 * paid seats it counted are all the job will ever find.
 */
public interface ScheduleCancellations {
    /**
     * Marks the schedule cancelled and starts its job (RUNNING, {@code total} = its paid seats now),
     * or returns the cancellation already made ({@code created} false). Empty for an unknown schedule.
     */
    Optional<Started> cancel(long scheduleId, UUID jobId, String requestedBy, Instant now);

    /** The cancellation of the schedule, with the paid seats still to refund counted now. */
    Optional<ScheduleCancellation> find(long scheduleId);

    /** Whether the schedule was cancelled. */
    boolean isCancelled(long scheduleId);

    /** Schedules whose job has not completed, oldest cancellation first. */
    List<Long> running();

    /** The job's row, locked until the caller's transaction ends (one chunk at a time per schedule). */
    ScheduleCancellation lock(long scheduleId);

    /** Up to {@code limit} CONFIRMED reservations of the schedule with an id after {@code after} (null: from the start), in id order. */
    List<Reservation> paidAfter(long scheduleId, UUID after, int limit);

    /** Up to {@code limit} live holds of the schedule at {@code now} ({@code Reservation.isHeldAt}). */
    List<Reservation> liveHolds(long scheduleId, Instant now, int limit);

    /** Moves the job on: its cursor, and adds to its counts. In the chunk's transaction. */
    void advance(long scheduleId, UUID cursor, long refunded, long holdsCancelled, Instant now);

    /** The job is COMPLETED at {@code now}. */
    void complete(long scheduleId, Instant now);

    /** Whether the schedule's concert has another schedule still on sale at {@code now} (not cancelled, not started). */
    boolean concertHasAnotherScheduleOnSale(long scheduleId, Instant now);

    /** {@code concertId} is the schedule's concert. */
    record Started(ScheduleCancellation cancellation, long concertId, boolean created) {}
}
