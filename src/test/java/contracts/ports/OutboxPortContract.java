package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.events.port.out.OutboxPort;
import domain.event.DomainEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link OutboxPort}: events commit or roll back with the transaction that appends them. */
public abstract class OutboxPortContract {
    /** Far before any clock of the other tests that share the database. */
    private static final Instant NOW = Instant.parse("2001-02-03T04:05:06.007Z");

    protected abstract OutboxPort store();

    protected abstract Transactions tx();

    /** Whether the event with this id was recorded (committed). */
    protected abstract boolean eventRecorded(UUID eventId);

    private static DomainEvent event() {
        return new DomainEvent(
                UUID.randomUUID(),
                "Contract",
                UUID.randomUUID().toString(),
                "ContractChecked",
                1,
                NOW,
                Map.of("answer", 42, "text", "ok"));
    }

    @Test
    void anEventAppendedInACommittedTransactionIsRecorded() {
        DomainEvent first = event();
        DomainEvent second = event();

        tx().run(() -> {
            store().append(first);
            store().append(second);
        });

        assertTrue(eventRecorded(first.id()));
        assertTrue(eventRecorded(second.id()));
    }

    @Test
    void anEventAppendedInARolledBackTransactionIsNot() {
        DomainEvent event = event();

        assertThrows(
                IllegalStateException.class,
                () -> tx().run(() -> {
                    store().append(event);
                    throw new IllegalStateException("the change the event describes failed");
                }));

        assertFalse(eventRecorded(event.id()));
    }
}
