package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.events.port.out.OutboxPort;
import domain.event.DomainEvent;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link OutboxPort}: events commit or roll back with the transaction that appends them. */
public abstract class OutboxPortContract extends PortContract<OutboxPort> {
    protected OutboxPortContract(Supplier<Stores> implementations) {
        super(implementations, Stores::outbox);
    }

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

        assertTrue(stores().eventRecorded(first.id()));
        assertTrue(stores().eventRecorded(second.id()));
    }

    @Test
    void anEventAppendedInARolledBackTransactionIsNot() {
        DomainEvent event = event();

        inATransactionThatRollsBack(() -> {
            store().append(event);
        });

        assertFalse(stores().eventRecorded(event.id()));
    }
}
