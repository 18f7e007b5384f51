package contracts.ports;

import application.shared.port.out.AfterCommit;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class JtaAfterCommitContractTest extends AfterCommitContract {
    @Inject
    AfterCommit afterCommit;

    @Override
    protected AfterCommit afterCommit() {
        return afterCommit;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }
}
