package adapters.postgres;

import application.shared.IdempotencyConflictException;
import application.shared.IdempotencyKey;
import application.shared.port.out.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The claim is an {@code INSERT … ON CONFLICT DO NOTHING} on the key's primary key: a second
 * request with the same key blocks on the first one's uncommitted row, then sees it committed (and
 * replays its answer) or rolled back (and claims the key itself). One effect per key, always.
 */
@ApplicationScoped
public class PostgresIdempotencyStore implements IdempotencyStore {
    private final EntityManager em;

    public PostgresIdempotencyStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UUID> claim(IdempotencyKey key, String requestFingerprint, Instant now) {
        Map<String, Object> claim = keyOf(key);
        claim.put("fingerprint", requestFingerprint);
        claim.put("now", now);
        int claimed = Jdbc.update(em, """
                INSERT INTO idempotency_key (user_id, operation, key, fingerprint, created_at)
                VALUES (:user, :operation, :key, :fingerprint, :now)
                ON CONFLICT DO NOTHING
                """, claim);
        if (claimed == 1) {
            return Optional.empty();
        }
        Claimed first = Jdbc.query(
                        em, """
                        SELECT fingerprint, result_id FROM idempotency_key
                        WHERE user_id = :user AND operation = :operation AND key = :key
                        """, keyOf(key), row -> new Claimed(row.string("fingerprint"), row.uuid("result_id")))
                .getFirst();
        if (!requestFingerprint.equals(first.fingerprint())) {
            throw new IdempotencyConflictException(key.key());
        }
        return Optional.of(first.resultId());
    }

    private record Claimed(String fingerprint, UUID resultId) {}

    @Override
    public void complete(IdempotencyKey key, UUID resultId) {
        Map<String, Object> completion = keyOf(key);
        completion.put("result", resultId);
        Jdbc.update(em, """
                UPDATE idempotency_key SET result_id = :result
                WHERE user_id = :user AND operation = :operation AND key = :key
                """, completion);
    }

    /**
     * MATERIALIZED, as in the hold-expiry claim: the batch is claimed once, so a runner locks (and
     * hides from the other runners) only the rows it deletes.
     */
    @Override
    public int forgetOlderThan(Instant cutoff, int limit) {
        return Jdbc.update(em, """
                WITH claimed AS MATERIALIZED (
                    SELECT ctid FROM idempotency_key WHERE created_at < :cutoff
                    ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                DELETE FROM idempotency_key k USING claimed WHERE k.ctid = claimed.ctid
                """, Map.of("cutoff", cutoff, "limit", limit));
    }

    private static Map<String, Object> keyOf(IdempotencyKey key) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("user", key.userId().value());
        parameters.put("operation", key.operation());
        parameters.put("key", key.key());
        return parameters;
    }
}
