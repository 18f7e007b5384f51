package contracts.ports;

class InMemorySeatInventoryContractTest extends SeatInventoryContract {
    /** InMemorySeatInventory: compare-and-set under one lock. */
    InMemorySeatInventoryContractTest() {
        super(Stores::fakes);
    }
}
