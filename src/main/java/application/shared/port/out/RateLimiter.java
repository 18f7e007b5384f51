package application.shared.port.out;

import application.shared.RateLimit;
import application.shared.RateLimitedException;
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
    CompletionStage<Void> acquire(String route, List<RateLimit> buckets);
}
