package domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 10);

    @Test
    void theDelayDoublesWithEveryFailureWithinFiftyPercentJitter() {
        Random random = new Random(42);
        for (int attempts = 1; attempts <= 6; attempts++) {
            long nominal = 1000L << (attempts - 1);
            for (int i = 0; i < 200; i++) {
                long delay = Duration.between(NOW, policy.nextAttempt(attempts, NOW, random))
                        .toMillis();
                assertTrue(delay >= nominal / 2 && delay <= nominal * 3 / 2, attempts + ": " + delay);
            }
        }
    }

    @Test
    void theDelayIsCappedAtTheMaximum() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            long delay =
                    Duration.between(NOW, policy.nextAttempt(40, NOW, random)).toMillis();
            assertTrue(delay <= Duration.ofMinutes(5).toMillis() * 3 / 2, Long.toString(delay));
            assertTrue(delay >= Duration.ofMinutes(5).toMillis() / 2, Long.toString(delay));
        }
    }

    @Test
    void anEventIsParkedOnceItHasFailedMaxAttemptsTimes() {
        assertFalse(policy.shouldPark(9));
        assertTrue(policy.shouldPark(10));
    }

    @Test
    void aPolicyNeedsAPositiveBaseNotAboveItsMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 1));
        assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 1));
        assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
        assertEquals(1, new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).maxAttempts());
    }
}
