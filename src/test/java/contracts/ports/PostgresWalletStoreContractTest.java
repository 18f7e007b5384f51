package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresWalletStoreContractTest extends WalletStoreContract {
    /** PostgresWalletStore: the upsert that adds, the UPDATE … WHERE balance >= amount that pays. */
    PostgresWalletStoreContractTest() {
        super(Stores::real);
    }
}
