package application.shared;

/**
 * One GCRA bucket a call counts in: sustained {@code 1 / interval}, and up to {@code burst} calls at
 * once after a quiet spell. {@code limit} names it in a refusal ("per user"); {@code key} tells
 * callers apart.
 */
public record RateLimit(String limit, String key, long intervalMicros, int burst) {
    public RateLimit {
        if (intervalMicros < 1 || burst < 1) {
            throw new IllegalArgumentException("a bucket needs an interval of 1 µs or more and a burst of 1 or more");
        }
    }
}
