package domain.concert;

import java.time.Instant;

/** One date of a concert. */
public record Schedule(long id, long concertId, Instant startsAt) {}
