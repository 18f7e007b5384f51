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
    private static final java.util.concurrent.atomic.AtomicInteger COUNTDOWN =
            new java.util.concurrent.atomic.AtomicInteger();

    private final PostgresOutbox delegate;

    public FailingOutbox(PostgresOutbox delegate) {
        this.delegate = delegate;
    }

    /** The next append inserts its row, then throws. */
    public static void armOnce() {
        armed = true;
    }

    /** The {@code n}-th append from now (1 = the next) inserts its row, then throws: a crash mid-batch. */
    public static void armAfter(int n) {
        COUNTDOWN.set(n);
    }

    public static void disarm() {
        armed = false;
        COUNTDOWN.set(0);
    }

    @Override
    public void append(DomainEvent event) {
        delegate.append(event);
        if (COUNTDOWN.get() > 0 && COUNTDOWN.decrementAndGet() == 0) {
            throw new IllegalStateException("injected failure after the event insert (armed countdown)");
        }
        if (armed) {
            armed = false;
            throw new IllegalStateException("injected failure after the event insert");
        }
    }
}
