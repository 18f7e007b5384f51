package domain.queue;

import domain.shared.InvalidValueException;

/**
 * How many waiting fans may be let in: never more ACTIVE than {@code maxActive}, filled in arrival
 * order. {@code maxActive = 0} pauses a sale without losing anyone's place.
 */
public record AdmissionPolicy(int maxActive) {
    public static final int LIMIT = 1_000_000;

    public AdmissionPolicy {
        if (maxActive < 0 || maxActive > LIMIT) {
            throw new InvalidValueException("maxActive", "maxActive is between 0 and " + LIMIT);
        }
    }

    /**
     * How many may be let in while {@code active} ACTIVE tokens are live: none once the cap is
     * reached or lowered below them. The waiting-room store applies it inside its admission script,
     * atomically; the port contract tests prove the two agree.
     */
    public long freeSlots(long active) {
        return Math.max(0, maxActive - active);
    }

    /**
     * Whether a fan arriving now is let in at once: only when nobody waits (arrival order holds)
     * and a slot is free. The store's entry script applies it; the contract tests hold it to this.
     */
    public boolean admitsOnArrival(long waiting, long active) {
        return waiting == 0 && freeSlots(active) > 0;
    }
}
