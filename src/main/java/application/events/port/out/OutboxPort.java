package application.events.port.out;

import domain.event.DomainEvent;

/** Records events in the caller's transaction: they commit or roll back with the change they describe. */
public interface OutboxPort {
    void append(DomainEvent event);
}
