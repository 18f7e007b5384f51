package domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitEstimatorTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void anActiveFanWaitsNothing() {
        assertEquals(0, WaitEstimator.estimatedWaitSeconds(0, 0.0, 100, TEN_MINUTES));
        assertEquals(0, WaitEstimator.estimatedWaitSeconds(0, 5.0, 100, TEN_MINUTES));
    }

    @Test
    void aNonPositivePositionWaitsNothing() {
        assertEquals(0, WaitEstimator.estimatedWaitSeconds(-1, 5.0, 100, TEN_MINUTES));
    }

    @Test
    void theObservedRateIsUsedWhenThereIsOne() {
        assertEquals(5, WaitEstimator.estimatedWaitSeconds(10, 2.0, 100, TEN_MINUTES));
        assertEquals(40, WaitEstimator.estimatedWaitSeconds(10, 0.25, 100, TEN_MINUTES));
    }

    @Test
    void theObservedRateWinsOverTheFallbackEvenWhenSlower() {
        // the fallback would be 4 slots / 8 s = 0.5 per second, i.e. 4 s for position 2
        assertEquals(8, WaitEstimator.estimatedWaitSeconds(2, 0.25, 4, Duration.ofSeconds(8)));
    }

    @Test
    void partialSecondsRoundUp() {
        assertEquals(3, WaitEstimator.estimatedWaitSeconds(5, 2.0, 100, TEN_MINUTES));
        assertEquals(1, WaitEstimator.estimatedWaitSeconds(1, 1000.0, 100, TEN_MINUTES));
    }

    @Test
    void withoutObservationsEverySlotIsAssumedToTurnOverOncePerActiveTtl() {
        // 4 slots per 8 s = 0.5 fans per second
        assertEquals(2, WaitEstimator.estimatedWaitSeconds(1, 0.0, 4, Duration.ofSeconds(8)));
        assertEquals(6, WaitEstimator.estimatedWaitSeconds(3, 0.0, 4, Duration.ofSeconds(8)));
        // 100 slots per 10 minutes: one fan every 6 s
        assertEquals(60, WaitEstimator.estimatedWaitSeconds(10, 0.0, 100, TEN_MINUTES));
    }

    @Test
    void theFallbackRoundsUp() {
        // 4 slots per 16 s = 0.25 per second: position 5 → 20 s, position 6 → 24 s; 2 slots per 5 s: 2.5 s
        assertEquals(20, WaitEstimator.estimatedWaitSeconds(5, 0.0, 4, Duration.ofSeconds(16)));
        assertEquals(3, WaitEstimator.estimatedWaitSeconds(1, 0.0, 2, Duration.ofSeconds(5)));
    }

    @Test
    void aPausedRoomStillGetsAFiniteEstimate() {
        // maxActive 0 counts as one slot, so the wait is position × TTL
        assertEquals(16, WaitEstimator.estimatedWaitSeconds(2, 0.0, 0, Duration.ofSeconds(8)));
    }

    @Test
    void anActiveTtlUnderOneSecondCountsAsOneSecond() {
        assertEquals(5, WaitEstimator.estimatedWaitSeconds(5, 0.0, 1, Duration.ofMillis(500)));
    }

    @Test
    void aNegativeObservedRateFallsBackToTheTtlRate() {
        assertEquals(6, WaitEstimator.estimatedWaitSeconds(3, -1.0, 4, Duration.ofSeconds(8)));
    }
}
