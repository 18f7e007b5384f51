package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresPaymentRepositoryContractTest extends PaymentRepositoryContract {
    /** PostgresPaymentRepository and the payment table's unique reservation. */
    PostgresPaymentRepositoryContractTest() {
        super(Stores::real);
    }
}
