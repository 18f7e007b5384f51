package adapters.postgres;

import application.shared.IdempotencyConflictException;
import application.shared.IdempotencyKey;
import application.shared.port.out.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
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
        int claimed = em.createNativeQuery("""
                        INSERT INTO idempotency_key (user_id, operation, key, fingerprint, created_at)
                        VALUES (:user, :operation, :key, :fingerprint, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .setParameter("user", key.userId().value())
                .setParameter("operation", key.operation())
                .setParameter("key", key.key())
                .setParameter("fingerprint", requestFingerprint)
                .setParameter("now", now)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT fingerprint, result_id FROM idempotency_key
                        WHERE user_id = :user AND operation = :operation AND key = :key
                        """)
                .setParameter("user", key.userId().value())
                .setParameter("operation", key.operation())
                .setParameter("key", key.key())
                .getResultList();
        Object[] row = rows.getFirst();
        if (!requestFingerprint.equals(row[0])) {
            throw new IdempotencyConflictException(key.key());
        }
        return Optional.of((UUID) row[1]);
    }

    @Override
    public void complete(IdempotencyKey key, UUID resultId) {
        em.createNativeQuery("""
                        UPDATE idempotency_key SET result_id = :result
                        WHERE user_id = :user AND operation = :operation AND key = :key
                        """)
                .setParameter("result", resultId)
                .setParameter("user", key.userId().value())
                .setParameter("operation", key.operation())
                .setParameter("key", key.key())
                .executeUpdate();
    }

    @Override
    public int forgetOlderThan(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        DELETE FROM idempotency_key WHERE ctid IN (
                            SELECT ctid FROM idempotency_key WHERE created_at < :cutoff
                            ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        """)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
