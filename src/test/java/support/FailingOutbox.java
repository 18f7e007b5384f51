package support;

import adapters.postgres.PostgresOutbox;
import application.events.port.out.OutboxPort;
import domain.event.DomainEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** The real outbox, which a test can arm to fail right after the event row is inserted. */
@Alternative
@Priority(10)
@ApplicationScoped
public class FailingOutbox implements OutboxPort {
    private static volatile boolean armed;

    private final PostgresOutbox delegate;

    public FailingOutbox(PostgresOutbox delegate) {
        this.delegate = delegate;
    }

    /** The next append inserts its row, then throws. */
    public static void armOnce() {
        armed = true;
    }

    @Override
    public void append(DomainEvent event) {
        delegate.append(event);
        if (armed) {
            armed = false;
            throw new IllegalStateException("injected failure after the event insert");
        }
    }
}
