package adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
    private static final long T0 = 1_800_000_000L; // epoch seconds

    /** A clock a test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.ofEpochSecond(T0);

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void aVerifiedTokenIsServedUntilItsExpiryAndNotAMillisecondLonger() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, clock);
        cache.put("t", T0 + 5, "alice");

        assertEquals("alice", cache.get("t"));
        clock.advance(Duration.ofMillis(4_999));
        assertEquals("alice", cache.get("t"));
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.get("t"));
        assertEquals(0, cache.size(), "an expired entry is dropped when it is read");
    }

    @Test
    void aTokenAlreadyExpiredOrWithoutExpiryIsNotStored() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, clock);
        cache.put("expired", T0, "x");
        cache.put("past", T0 - 60, "x");
        cache.put("no-exp", 0, "x");

        assertNull(cache.get("expired"));
        assertNull(cache.get("past"));
        assertNull(cache.get("no-exp"));
        assertEquals(0, cache.size());
    }

    @Test
    void anUnknownTokenIsAMiss() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, clock);
        cache.put("a.b.c", T0 + 60, "alice");

        assertNull(cache.get("a.b.d"));
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBound() {
        VerifiedTokenCache<Integer> cache = new VerifiedTokenCache<>(100, clock);
        for (int i = 0; i < 10_000; i++) {
            cache.put("token-" + i, T0 + 3600, i);
            assertTrue(cache.size() <= 100, "size " + cache.size() + " after " + (i + 1) + " inserts");
        }
        assertEquals(9_999, cache.get("token-9999"), "the newest token is kept");
    }

    @Test
    void whenFullExpiredEntriesGoFirst() {
        VerifiedTokenCache<Integer> cache = new VerifiedTokenCache<>(10, clock);
        for (int i = 0; i < 5; i++) {
            cache.put("short-" + i, T0 + 1, i);
        }
        for (int i = 0; i < 5; i++) {
            cache.put("long-" + i, T0 + 3600, i);
        }
        clock.advance(Duration.ofSeconds(2));

        cache.put("new", T0 + 3600, 99);

        assertEquals(6, cache.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i, cache.get("long-" + i), "live entries survive while expired ones can go");
        }
        assertEquals(99, cache.get("new"));
    }

    @Test
    void aZeroBoundDisablesTheCache() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(0, clock);
        cache.put("t", T0 + 60, "alice");

        assertNull(cache.get("t"));
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokenCache<String>(-1, clock));
    }
}
