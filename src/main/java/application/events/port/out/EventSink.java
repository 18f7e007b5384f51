package application.events.port.out;

import domain.event.DomainEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Where events go: the data platform's receiver. */
public interface EventSink {
    /** False when no receiver is configured: events then wait in the outbox. */
    boolean isConfigured();

    /** How long one delivery may take before it counts as failed. */
    Duration timeout();

    /**
     * Delivers a batch and returns the ids the receiver acknowledged.
     *
     * @throws EventDeliveryException when the receiver could not be reached or refused the batch
     */
    Set<UUID> deliver(List<DomainEvent> events);

    final class EventDeliveryException extends RuntimeException {
        public EventDeliveryException(String message) {
            super(message);
        }
    }
}
