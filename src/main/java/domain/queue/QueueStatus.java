package domain.queue;

/**
 * Where a token stands. WAITING → ACTIVE by admission; an ACTIVE token ends by expiry or release
 * (leaving, or paying), after which the token is gone and the fan must enter again.
 */
public enum QueueStatus {
    WAITING,
    ACTIVE
}
