package contracts.ports;

class InMemoryIdempotencyStoreContractTest extends IdempotencyStoreContract {
    /** InMemoryIdempotencyStore; its transactions take turns. */
    InMemoryIdempotencyStoreContractTest() {
        super(Stores::fakes);
    }
}
