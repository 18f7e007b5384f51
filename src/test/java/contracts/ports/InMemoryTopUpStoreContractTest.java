package contracts.ports;

import application.fakes.TestBed;
import application.wallet.port.out.TopUpStore;

class InMemoryTopUpStoreContractTest extends TopUpStoreContract {
    private final TestBed bed = new TestBed();

    @Override
    protected TopUpStore store() {
        return bed.topUps;
    }

    @Override
    protected Transactions tx() {
        return Transactions.of(bed.tx);
    }
}
