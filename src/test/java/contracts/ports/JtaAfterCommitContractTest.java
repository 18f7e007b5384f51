package contracts.ports;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JtaAfterCommitContractTest extends AfterCommitContract {
    /** JtaAfterCommit: a JTA synchronization after completion. */
    JtaAfterCommitContractTest() {
        super(Stores::real);
    }
}
