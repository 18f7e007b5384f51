package contracts.ports;

class InMemoryConcertRepositoryContractTest extends ConcertRepositoryContract {
    /** InMemoryConcertRepository over the seats of InMemorySeatInventory. */
    InMemoryConcertRepositoryContractTest() {
        super(Stores::fakes);
    }
}
