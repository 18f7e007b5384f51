package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresTopUpOrderStoreContractTest extends TopUpOrderStoreContract {
    /** PostgresTopUpOrderStore: the advisory lock per user and its count of open orders in SQL. */
    PostgresTopUpOrderStoreContractTest() {
        super(Stores::real);
    }
}
