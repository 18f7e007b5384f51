package adapters.security;

import java.time.Clock;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens whose signature was already verified, so each distinct bearer token pays for its
 * RS256 check once instead of on every request.
 *
 * <p>An entry is served only while the token has not expired ({@code exp}, never later: no clock
 * skew is granted here; a token in the verifier's skew window is verified again on every request).
 * Only successful verifications are stored: a refused token is never remembered, so it is refused
 * again by the verifier itself. The cache holds at most {@code maxEntries}; when it is full, expired
 * entries are dropped and, if that is not enough, about a tenth of the entries go in the map's
 * iteration order (effectively random), which costs one pass per {@code maxEntries / 10} inserts.
 *
 * @param <T> what verification produced (the parsed token)
 */
public final class VerifiedTokenCache<T> {
    private record Entry<T>(T value, long expiresAtMillis) {}

    private final ConcurrentHashMap<String, Entry<T>> entries;
    private final int maxEntries;
    private final Clock clock;

    /** {@code maxEntries} 0 disables the cache (nothing is stored). */
    public VerifiedTokenCache(int maxEntries, Clock clock) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new ConcurrentHashMap<>(Math.min(maxEntries, 1024));
    }

    /** The verified value of this exact token, or null if it was not verified or has expired. */
    public T get(String token) {
        Entry<T> e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (clock.millis() >= e.expiresAtMillis()) {
            entries.remove(token, e);
            return null;
        }
        return e.value();
    }

    /**
     * Remembers a token that was just verified, until its {@code exp} (epoch seconds). A token
     * without an expiry (0) or already expired is not stored.
     */
    public void put(String token, long expEpochSeconds, T value) {
        if (maxEntries == 0 || expEpochSeconds <= 0) {
            return;
        }
        long expiresAt = Math.multiplyExact(expEpochSeconds, 1000L);
        long now = clock.millis();
        if (now >= expiresAt) {
            return;
        }
        if (entries.mappingCount() >= maxEntries) {
            evict(now);
        }
        entries.put(token, new Entry<>(value, expiresAt));
    }

    public int size() {
        return entries.size();
    }

    private void evict(long now) {
        entries.values().removeIf(e -> now >= e.expiresAtMillis());
        long target = maxEntries - Math.max(1, maxEntries / 10);
        Iterator<String> it = entries.keySet().iterator();
        while (entries.mappingCount() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
