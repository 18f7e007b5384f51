package domain.reservation;

import domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;

/** How long a reservation keeps its seat before an unpaid hold lapses. */
public record HoldPolicy(Duration holdTtl) {
    public HoldPolicy {
        if (holdTtl == null || holdTtl.isNegative() || holdTtl.isZero()) {
            throw new InvalidValueException("reservation.hold-ttl", "the hold TTL must be positive");
        }
    }

    public Instant expiryFor(Instant heldAt) {
        return heldAt.plus(holdTtl);
    }
}
