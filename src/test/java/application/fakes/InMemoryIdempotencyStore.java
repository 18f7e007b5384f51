package application.fakes;

import application.shared.IdempotencyConflictException;
import application.shared.IdempotencyKey;
import application.shared.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys in memory, like {@code PostgresIdempotencyStore}: the first claim stores the
 * fingerprint, a later one with another fingerprint conflicts, one with the same fingerprint gets
 * the recorded result.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore, TransactionalFake {
    private record Claim(String fingerprint, UUID resultId, Instant claimedAt) {}

    private Map<IdempotencyKey, Claim> claims = new HashMap<>();

    @Override
    public synchronized Optional<UUID> claim(IdempotencyKey key, String requestFingerprint, Instant now) {
        Claim existing = claims.get(key);
        if (existing == null) {
            claims.put(key, new Claim(requestFingerprint, null, now));
            return Optional.empty();
        }
        if (!existing.fingerprint().equals(requestFingerprint)) {
            throw new IdempotencyConflictException(key.key());
        }
        if (existing.resultId() == null) {
            throw new IllegalStateException("key " + key + " was claimed but never completed");
        }
        return Optional.of(existing.resultId());
    }

    @Override
    public synchronized void complete(IdempotencyKey key, UUID resultId) {
        Claim existing = claims.get(key);
        if (existing == null) {
            throw new IllegalStateException("key " + key + " was never claimed");
        }
        claims.put(key, new Claim(existing.fingerprint(), resultId, existing.claimedAt()));
    }

    @Override
    public synchronized int forgetOlderThan(Instant cutoff, int limit) {
        var expired = claims.entrySet().stream()
                .filter(e -> e.getValue().claimedAt().isBefore(cutoff))
                .sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.comparing(Claim::claimedAt)))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        expired.forEach(claims::remove);
        return expired.size();
    }

    public synchronized int size() {
        return claims.size();
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<IdempotencyKey, Claim> saved = new HashMap<>(claims);
        return () -> {
            synchronized (this) {
                claims = new HashMap<>(saved);
            }
        };
    }
}
