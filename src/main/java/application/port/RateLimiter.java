package application.port;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Request rates shared by every instance: a call counts against one or more buckets (per user, per
 * client address), all or nothing, in one step of the store.
 */
public interface RateLimiter {
    /**
     * Counts one call of {@code route} in every bucket when all of them allow it, without blocking
     * the caller's thread. The stage fails with {@link RateLimitedException} when one does not (and
     * nothing is counted); any other failure means the store could not answer.
     */
    CompletionStage<Void> acquire(String route, List<Bucket> buckets);

    /**
     * One GCRA bucket: sustained {@code 1 / interval}, and up to {@code burst} calls at once after a
     * quiet spell. {@code limit} names it in a refusal ("per user"); {@code key} tells callers apart.
     */
    record Bucket(String limit, String key, long intervalMicros, int burst) {
        public Bucket {
            if (intervalMicros < 1 || burst < 1) {
                throw new IllegalArgumentException(
                        "a bucket needs an interval of 1 µs or more and a burst of 1 or more");
            }
        }
    }
}
