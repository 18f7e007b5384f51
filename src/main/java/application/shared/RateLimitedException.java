package application.shared;

import java.time.Duration;

/**
 * A call over its rate: nothing was done; the same call is allowed again after {@code retryAfter}.
 * An answer, not a fault, so it carries no stack trace.
 */
public final class RateLimitedException extends RuntimeException {
    private final String limit;
    private final Duration retryAfter;

    public RateLimitedException(String limit, Duration retryAfter) {
        super("too many requests " + limit + "; retry in " + retryAfter.toMillis() + " ms", null, false, false);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** Which limit refused the call, e.g. "per user". */
    public String limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code Retry-After} in whole seconds, rounded up (at least 1). */
    public long retryAfterSeconds() {
        long micros = Math.max(1, retryAfter.toNanos() / 1_000);
        return Math.max(1, (micros + 999_999) / 1_000_000);
    }
}
