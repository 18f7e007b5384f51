package application.wallet.port.in;

import domain.shared.UserId;
import domain.wallet.WalletTransaction;
import java.util.List;

public interface ListWalletTransactionsUseCase {
    int MAX_LIMIT = 500;

    /** The caller's ledger, newest first, at most {@code limit} lines (1 … 500). */
    List<WalletTransaction> list(UserId userId, int limit);
}
