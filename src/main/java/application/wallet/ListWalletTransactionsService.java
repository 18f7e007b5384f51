package application.wallet;

import application.wallet.port.in.ListWalletTransactionsUseCase;
import application.wallet.port.out.WalletStore;
import domain.shared.InvalidValueException;
import domain.shared.UserId;
import domain.wallet.WalletTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ListWalletTransactionsService implements ListWalletTransactionsUseCase {
    private final WalletStore wallets;

    public ListWalletTransactionsService(WalletStore wallets) {
        this.wallets = wallets;
    }

    @Override
    public List<WalletTransaction> list(UserId userId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX_LIMIT);
        }
        return wallets.history(userId, limit);
    }
}
