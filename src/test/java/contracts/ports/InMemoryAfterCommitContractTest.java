package contracts.ports;

import application.fakes.TestBed;
import application.shared.port.out.AfterCommit;

class InMemoryAfterCommitContractTest extends AfterCommitContract {
    private final TestBed bed = new TestBed();

    @Override
    protected AfterCommit afterCommit() {
        return bed.afterCommit;
    }

    @Override
    protected Transactions tx() {
        return Transactions.of(bed.tx);
    }
}
