package contracts.ports;

class InMemoryQueueStoreContractTest extends QueueStoreContract {
    /** InMemoryQueueStore, one synchronized method per script. */
    InMemoryQueueStoreContractTest() {
        super(Stores::fakes);
    }
}
