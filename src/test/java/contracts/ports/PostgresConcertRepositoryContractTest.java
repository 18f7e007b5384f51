package contracts.ports;

import application.booking.port.out.SeatInventory;
import application.catalog.port.out.ConcertRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresConcertRepositoryContractTest extends ConcertRepositoryContract {
    @Inject
    ConcertRepository concerts;

    @Inject
    SeatInventory seats;

    @Override
    protected ConcertRepository store() {
        return concerts;
    }

    @Override
    protected SeatInventory seats() {
        return seats;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }
}
