package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresOutboxContractTest extends OutboxPortContract {
    /** PostgresOutbox (behind the test's unarmed FailingOutbox) in JTA transactions. */
    PostgresOutboxContractTest() {
        super(Stores::real);
    }
}
