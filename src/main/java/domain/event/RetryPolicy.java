package domain.event;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential backoff from {@code base}, capped at {@code max},
 * with ±50 % jitter so that many failed events do not come back in one wave; after
 * {@code maxAttempts} failures the event is parked for an operator.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {
    public RetryPolicy {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs 0 < base <= max and at least one attempt");
        }
    }

    /** Whether an event that has now failed {@code attempts} times should be parked. */
    public boolean shouldPark(int attempts) {
        return attempts >= maxAttempts;
    }

    /** When the next attempt is due, after {@code attempts} failures (1 = the first failure). */
    public Instant nextAttempt(int attempts, Instant now, RandomGenerator random) {
        long baseMillis = base.toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long delay = Math.min(max.toMillis(), baseMillis * (1L << doublings));
        long jittered = Math.round(delay * (0.5 + random.nextDouble()));
        return now.plusMillis(Math.max(1, jittered));
    }
}
