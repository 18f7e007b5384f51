package application.events;

import domain.shared.Configured;
import java.time.Duration;

/**
 * {@code events.relay.undelivered-retention}: with no webhook configured nothing is ever delivered,
 * so the prune job deletes events (PENDING or PARKED) older than this, and the outbox cannot grow
 * forever. With a webhook configured undelivered events are kept: they are still owed.
 */
public record UndeliveredRetention(Duration value) implements Configured {
    public UndeliveredRetention {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("events.relay.undelivered-retention must be positive: " + value);
        }
    }
}
