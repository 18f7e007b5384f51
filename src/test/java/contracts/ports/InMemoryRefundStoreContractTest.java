package contracts.ports;

class InMemoryRefundStoreContractTest extends RefundStoreContract {
    /** InMemoryRefundStore over the fakes' reservations and seats. */
    InMemoryRefundStoreContractTest() {
        super(Stores::fakes);
    }
}
