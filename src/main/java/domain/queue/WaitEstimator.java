package domain.queue;

import java.time.Duration;

/**
 * Estimated wait from the observed admission rate. Before any admission has been observed, it
 * assumes every active slot turns over once per active TTL, the slowest a full room can move.
 */
public final class WaitEstimator {
    private WaitEstimator() {}

    /**
     * @param position 1-based place in line (0 = already active)
     * @param observedPerSecond smoothed admissions per second, 0 when none were seen yet
     */
    public static long estimatedWaitSeconds(
            long position, double observedPerSecond, int maxActive, Duration activeTtl) {
        if (position <= 0) {
            return 0;
        }
        if (observedPerSecond > 0) {
            return (long) Math.ceil(position / observedPerSecond);
        }
        long ttlSeconds = Math.max(1, activeTtl.toSeconds());
        return Math.ceilDiv(Math.multiplyExact(position, ttlSeconds), Math.max(1, maxActive));
    }
}
