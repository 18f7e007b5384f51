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

    public long freeSlots(long active) {
        return Math.max(0, maxActive - active);
    }
}
