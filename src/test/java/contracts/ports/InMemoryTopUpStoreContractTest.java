package contracts.ports;

class InMemoryTopUpStoreContractTest extends TopUpStoreContract {
    /** InMemoryTopUpStore. */
    InMemoryTopUpStoreContractTest() {
        super(Stores::fakes);
    }
}
