package application.catalog.port.out;

import application.shared.Page;
import application.shared.PageRequest;
import application.shared.Stages;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.Schedule;
import domain.concert.ScheduleAvailability;
import domain.concert.Seat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Concerts, their schedules and seats as the catalogue sees them. */
public interface ConcertRepository {
    /** Stores the concert, its schedules and every seat (numbered 1…seatCount) in one go. */
    Concert create(ConcertPlan plan, Instant now);

    /**
     * One page of the concerts, without schedules, oldest first (by id; the key's position is the id,
     * {@link application.shared.PageKey#of}), after {@code page.after()}.
     */
    Page<Concert> list(PageRequest page);

    boolean exists(long concertId);

    /**
     * {@link #exists} without blocking the caller's thread: queue entry runs on the event loop. This
     * default answers at once from {@link #exists}; a store that must ask a database answers when it
     * has (off the caller's thread).
     */
    default CompletionStage<Boolean> existsLater(long concertId) {
        return Stages.now(() -> exists(concertId));
    }

    /** The concert a schedule belongs to; empty for an unknown schedule. */
    Optional<Long> concertOfSchedule(long scheduleId);

    /** The schedule (its concert and start); empty for an unknown schedule. */
    Optional<Schedule> schedule(long scheduleId);

    /**
     * Schedules starting after {@code now} that have at least one seat available at {@code now}
     * ({@code Seat.isAvailableAt}), with how many, in start order.
     */
    List<ScheduleAvailability> availableSchedules(long concertId, Instant now);

    /** The seats of a schedule ordered by number, as stored (callers read status at an instant). */
    List<Seat> seatsOf(long scheduleId);
}
