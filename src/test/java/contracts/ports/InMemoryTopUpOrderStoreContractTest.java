package contracts.ports;

import application.fakes.TestBed;
import application.wallet.port.out.TopUpOrderStore;
import application.wallet.port.out.TopUpStore;

class InMemoryTopUpOrderStoreContractTest extends TopUpOrderStoreContract {
    private final TestBed bed = new TestBed();

    @Override
    protected TopUpOrderStore store() {
        return bed.topUpOrders;
    }

    @Override
    protected TopUpStore topUps() {
        return bed.topUps;
    }

    @Override
    protected Transactions tx() {
        return Transactions.of(bed.tx);
    }
}
