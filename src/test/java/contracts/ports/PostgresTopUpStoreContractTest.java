package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresTopUpStoreContractTest extends TopUpStoreContract {
    /** PostgresTopUpStore: the payment's unique key, the UPDATE … WHERE status = 'PENDING' and the keyset pages. */
    PostgresTopUpStoreContractTest() {
        super(Stores::real);
    }
}
