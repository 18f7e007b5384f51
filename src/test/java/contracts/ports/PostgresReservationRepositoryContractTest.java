package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresReservationRepositoryContractTest extends ReservationRepositoryContract {
    /** PostgresReservationRepository: LIVE_HOLD, the limited INSERT and the expiry claim, with the outbox table. */
    PostgresReservationRepositoryContractTest() {
        super(Stores::real);
    }
}
