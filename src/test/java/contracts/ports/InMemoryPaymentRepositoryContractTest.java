package contracts.ports;

class InMemoryPaymentRepositoryContractTest extends PaymentRepositoryContract {
    /** InMemoryPaymentRepository. */
    InMemoryPaymentRepositoryContractTest() {
        super(Stores::fakes);
    }
}
