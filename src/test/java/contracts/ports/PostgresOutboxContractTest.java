package contracts.ports;

import application.events.port.out.OutboxPort;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import support.Db;

@QuarkusTest
class PostgresOutboxContractTest extends OutboxPortContract {
    @Inject
    OutboxPort outbox;

    @Override
    protected OutboxPort store() {
        return outbox;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }

    @Override
    protected boolean eventRecorded(UUID eventId) {
        return Db.count("SELECT count(*) FROM outbox_event WHERE id = ?", eventId) == 1;
    }
}
