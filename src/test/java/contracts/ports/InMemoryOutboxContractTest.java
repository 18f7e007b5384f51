package contracts.ports;

class InMemoryOutboxContractTest extends OutboxPortContract {
    /** InMemoryOutbox, put back by InMemoryTransactions on a rollback. */
    InMemoryOutboxContractTest() {
        super(Stores::fakes);
    }
}
