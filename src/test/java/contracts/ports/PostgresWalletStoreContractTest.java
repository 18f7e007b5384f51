package contracts.ports;

import application.wallet.port.out.WalletStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresWalletStoreContractTest extends WalletStoreContract {
    @Inject
    WalletStore wallets;

    @Override
    protected WalletStore store() {
        return wallets;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }
}
