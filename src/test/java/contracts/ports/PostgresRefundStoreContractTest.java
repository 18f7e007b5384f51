package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresRefundStoreContractTest extends RefundStoreContract {
    /** PostgresRefundStore: one statement (reservation, seat, refund row) and the UNIQUE per reservation. */
    PostgresRefundStoreContractTest() {
        super(Stores::real);
    }
}
