package contracts.ports;

class InMemoryTopUpOrderStoreContractTest extends TopUpOrderStoreContract {
    /** InMemoryTopUpOrderStore, which counts with TopUpOrder.isOpen. */
    InMemoryTopUpOrderStoreContractTest() {
        super(Stores::fakes);
    }
}
