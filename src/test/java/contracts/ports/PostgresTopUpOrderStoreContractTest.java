package contracts.ports;

import application.wallet.port.out.TopUpOrderStore;
import application.wallet.port.out.TopUpStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresTopUpOrderStoreContractTest extends TopUpOrderStoreContract {
    @Inject
    TopUpOrderStore store;

    @Inject
    TopUpStore topUps;

    @Override
    protected TopUpStore topUps() {
        return topUps;
    }

    @Override
    protected TopUpOrderStore store() {
        return store;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }
}
