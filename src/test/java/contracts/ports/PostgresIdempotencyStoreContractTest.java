package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresIdempotencyStoreContractTest extends IdempotencyStoreContract {
    /** PostgresIdempotencyStore: INSERT … ON CONFLICT DO NOTHING on the key. */
    PostgresIdempotencyStoreContractTest() {
        super(Stores::real);
    }
}
