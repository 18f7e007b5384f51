package domain.queue;

/**
 * Where a token stands. WAITING → ACTIVE by admission; an ACTIVE token ends by expiry or release
 * (leaving, or paying), after which the token is gone and the fan must enter again. A WAITING fan
 * of a concert with nothing left to sell is told SOLD_OUT instead (D53): they keep their place
 * (while they poll) and are WAITING again if seats come back.
 */
public enum QueueStatus {
    WAITING,
    ACTIVE,
    SOLD_OUT
}
