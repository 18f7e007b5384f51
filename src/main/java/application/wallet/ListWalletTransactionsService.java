package application.wallet;

import application.shared.Page;
import application.shared.PageRequest;
import application.wallet.port.in.ListWalletTransactionsUseCase;
import application.wallet.port.out.WalletStore;
import domain.shared.UserId;
import domain.wallet.WalletTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ListWalletTransactionsService implements ListWalletTransactionsUseCase {
    private final WalletStore wallets;

    public ListWalletTransactionsService(WalletStore wallets) {
        this.wallets = wallets;
    }

    @Override
    @Transactional
    public Page<WalletTransaction> list(UserId userId, PageRequest page) {
        return wallets.history(userId, page);
    }
}
