package contracts.ports;

import application.fakes.TestBed;
import application.wallet.port.out.WalletStore;

class InMemoryWalletStoreContractTest extends WalletStoreContract {
    private final TestBed bed = new TestBed();

    @Override
    protected WalletStore store() {
        return bed.wallets;
    }

    @Override
    protected Transactions tx() {
        return Transactions.of(bed.tx);
    }
}
