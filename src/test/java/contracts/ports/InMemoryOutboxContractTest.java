package contracts.ports;

import application.events.port.out.OutboxPort;
import application.fakes.TestBed;
import java.util.UUID;

class InMemoryOutboxContractTest extends OutboxPortContract {
    private final TestBed bed = new TestBed();

    @Override
    protected OutboxPort store() {
        return bed.outbox;
    }

    @Override
    protected Transactions tx() {
        return Transactions.of(bed.tx);
    }

    @Override
    protected boolean eventRecorded(UUID eventId) {
        return bed.outbox.events().stream().anyMatch(event -> event.id().equals(eventId));
    }
}
