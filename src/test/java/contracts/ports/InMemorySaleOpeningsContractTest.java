package contracts.ports;

class InMemorySaleOpeningsContractTest extends SaleOpeningsContract {
    /** InMemorySaleOpenings over the test bed's concerts. */
    InMemorySaleOpeningsContractTest() {
        super(Stores::fakes);
    }
}
