package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresSaleOpeningsContractTest extends SaleOpeningsContract {
    /** PostgresSaleOpenings: table sale_opening (V13). */
    PostgresSaleOpeningsContractTest() {
        super(Stores::real);
    }
}
