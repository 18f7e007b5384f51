package contracts.ports;

import application.shared.port.out.IdempotencyStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresIdempotencyStoreContractTest extends IdempotencyStoreContract {
    @Inject
    IdempotencyStore store;

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }
}
