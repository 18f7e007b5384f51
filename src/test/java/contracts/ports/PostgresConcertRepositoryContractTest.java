package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PostgresConcertRepositoryContractTest extends ConcertRepositoryContract {
    /** PostgresConcertRepository, its count of free seats in SQL. */
    PostgresConcertRepositoryContractTest() {
        super(Stores::real);
    }
}
