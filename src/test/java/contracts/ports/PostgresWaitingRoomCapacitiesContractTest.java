package contracts.ports;

import application.catalog.port.out.ConcertRepository;
import application.queue.port.out.WaitingRoomCapacities;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresWaitingRoomCapacitiesContractTest extends WaitingRoomCapacitiesContract {
    @Inject
    WaitingRoomCapacities store;

    @Inject
    ConcertRepository concerts;

    @Override
    protected WaitingRoomCapacities store() {
        return store;
    }

    @Override
    protected ConcertRepository concerts() {
        return concerts;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }
}
