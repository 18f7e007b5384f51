package application.wallet.port.out;

import application.shared.Page;
import application.shared.PageRequest;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.InsufficientBalanceException;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Wallets and their ledger. Each change is applied atomically under the domain's rule ({@link
 * Wallet#charge}, {@link Wallet#pay}) and writes its ledger line in the same transaction.
 */
public interface WalletStore {
    /** The wallet, or an empty one for a user who never charged. */
    Wallet load(UserId userId);

    Wallet.Change charge(UserId userId, Money amount, UUID transactionId, Instant now);

    /** @throws InsufficientBalanceException when the balance does not cover the amount (nothing changes) */
    Wallet.Change pay(UserId userId, Money amount, UUID transactionId, UUID paymentId, Instant now);

    /** Credits {@code amount} back for refund {@code refundId} ({@link Wallet#refund}): a REFUND line. */
    Wallet.Change refund(UserId userId, Money amount, UUID transactionId, UUID refundId, Instant now);

    Optional<WalletTransaction> transaction(UUID id);

    /**
     * One page of the user's ledger, newest first: the reverse of the order in which the changes
     * applied (not of their clocks), after {@code page.after()}. The key's position is the line's
     * place in that order; a line written later sorts before every key handed out earlier.
     */
    Page<WalletTransaction> history(UserId userId, PageRequest page);

    /** The newest {@code limit} lines. */
    default List<WalletTransaction> history(UserId userId, int limit) {
        return history(userId, PageRequest.first(limit)).items();
    }
}
