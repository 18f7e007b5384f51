package contracts.ports;

class InMemoryAfterCommitContractTest extends AfterCommitContract {
    /** RecordingAfterCommit with InMemoryTransactions. */
    InMemoryAfterCommitContractTest() {
        super(Stores::fakes);
    }
}
