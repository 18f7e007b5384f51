package application.shared;

import domain.shared.DomainException;

/** An Idempotency-Key that already answered a different request. */
public final class IdempotencyConflictException extends DomainException {
    public IdempotencyConflictException(String key) {
        super("the Idempotency-Key '" + key + "' was already used with a different request");
    }
}
