package contracts.ports;

import application.fakes.TestBed;
import application.shared.port.out.IdempotencyStore;

class InMemoryIdempotencyStoreContractTest extends IdempotencyStoreContract {
    private final TestBed bed = new TestBed();

    @Override
    protected IdempotencyStore store() {
        return bed.idempotency;
    }

    @Override
    protected Transactions tx() {
        return Transactions.of(bed.tx);
    }
}
