package domain.concert;

import java.time.Instant;

/** A schedule still on sale, with the number of seats one can hold right now. */
public record ScheduleAvailability(long id, Instant startsAt, long availableSeats) {}
