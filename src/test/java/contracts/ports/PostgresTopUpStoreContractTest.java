package contracts.ports;

import application.wallet.port.out.TopUpStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresTopUpStoreContractTest extends TopUpStoreContract {
    @Inject
    TopUpStore store;

    @Override
    protected TopUpStore store() {
        return store;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }
}
