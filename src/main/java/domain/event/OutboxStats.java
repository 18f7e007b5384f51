package domain.event;

import java.time.Duration;

/** The outbox's counts by state and the age of the oldest PENDING event (zero when none). */
public record OutboxStats(long pending, long delivered, long parked, Duration oldestPendingAge) {}
