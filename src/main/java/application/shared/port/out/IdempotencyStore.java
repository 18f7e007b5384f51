package application.shared.port.out;

import application.shared.IdempotencyConflictException;
import application.shared.IdempotencyKey;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers which effect answered an Idempotency-Key. Claims are made in the caller's transaction,
 * so a key and its effect commit or roll back together; a concurrent claim of the same key waits
 * for the first one to finish.
 */
public interface IdempotencyStore {
    /**
     * Claims the key for a new effect (empty), or returns the id of the effect that already
     * answered it.
     *
     * @throws IdempotencyConflictException when the key was used with another request
     */
    Optional<UUID> claim(IdempotencyKey key, String requestFingerprint, java.time.Instant now);

    /** Records the effect's id for a key claimed in this transaction. */
    void complete(IdempotencyKey key, UUID resultId);

    /** Forgets up to {@code limit} keys claimed before {@code cutoff}, oldest first; returns how many. */
    int forgetOlderThan(java.time.Instant cutoff, int limit);
}
