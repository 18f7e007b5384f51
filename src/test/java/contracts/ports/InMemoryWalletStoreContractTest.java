package contracts.ports;

class InMemoryWalletStoreContractTest extends WalletStoreContract {
    /** InMemoryWalletStore, which applies Wallet.charge and Wallet.pay itself. */
    InMemoryWalletStoreContractTest() {
        super(Stores::fakes);
    }
}
