package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresWaitingRoomCapacitiesContractTest extends WaitingRoomCapacitiesContract {
    /** PostgresWaitingRoomCapacities, its upsert with a version and its copy per instance. */
    PostgresWaitingRoomCapacitiesContractTest() {
        super(Stores::real);
    }
}
