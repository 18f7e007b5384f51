package contracts.ports;

import application.booking.port.out.SeatInventory;
import application.catalog.port.out.ConcertRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresSeatInventoryContractTest extends SeatInventoryContract {
    @Inject
    SeatInventory seats;

    @Inject
    ConcertRepository concerts;

    @Override
    protected SeatInventory store() {
        return seats;
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
