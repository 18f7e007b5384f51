package application.wallet.port.in;

import application.shared.Page;
import application.shared.PageRequest;
import domain.shared.UserId;
import domain.wallet.WalletTransaction;

public interface ListWalletTransactionsUseCase {
    /** One page of the caller's ledger, newest first (the order the changes applied, reversed). */
    Page<WalletTransaction> list(UserId userId, PageRequest page);
}
