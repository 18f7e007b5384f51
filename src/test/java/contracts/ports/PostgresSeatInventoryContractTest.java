package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresSeatInventoryContractTest extends SeatInventoryContract {
    /** PostgresSeatInventory: one conditional UPDATE per hold, sale and release. */
    PostgresSeatInventoryContractTest() {
        super(Stores::real);
    }
}
