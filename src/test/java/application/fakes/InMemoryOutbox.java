package application.fakes;

import application.events.port.out.OutboxPort;
import domain.event.DomainEvent;
import java.util.ArrayList;
import java.util.List;

/** The outbox in memory: events appended in a transaction disappear if it rolls back. */
public final class InMemoryOutbox implements OutboxPort, TransactionalFake {
    private List<DomainEvent> events = new ArrayList<>();

    @Override
    public synchronized void append(DomainEvent event) {
        events.add(event);
    }

    public synchronized List<DomainEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> types() {
        return events.stream().map(DomainEvent::type).toList();
    }

    @Override
    public synchronized Runnable checkpoint() {
        List<DomainEvent> saved = new ArrayList<>(events);
        return () -> {
            synchronized (this) {
                events = new ArrayList<>(saved);
            }
        };
    }
}
