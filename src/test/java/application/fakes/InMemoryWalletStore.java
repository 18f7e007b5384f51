package application.fakes;

import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import application.wallet.port.out.WalletStore;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Wallets and their ledger in memory; every change goes through {@link Wallet#charge} / {@link Wallet#pay}. */
public final class InMemoryWalletStore implements WalletStore, TransactionalFake {
    private Map<UserId, Wallet> wallets = new HashMap<>();
    private List<WalletTransaction> ledger = new ArrayList<>();

    @Override
    public synchronized Wallet load(UserId userId) {
        return wallets.getOrDefault(userId, Wallet.empty(userId));
    }

    @Override
    public synchronized Wallet.Change charge(UserId userId, Money amount, UUID transactionId, Instant now) {
        return apply(load(userId).charge(amount, transactionId, now));
    }

    @Override
    public synchronized Wallet.Change pay(
            UserId userId, Money amount, UUID transactionId, UUID paymentId, Instant now) {
        return apply(load(userId).pay(amount, transactionId, paymentId, now));
    }

    @Override
    public synchronized Wallet.Change refund(
            UserId userId, Money amount, UUID transactionId, UUID refundId, Instant now) {
        return apply(load(userId).refund(amount, transactionId, refundId, now));
    }

    @Override
    public synchronized Optional<WalletTransaction> transaction(UUID id) {
        return ledger.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * Newest first: the reverse of the ledger's order, as the table's sequence gives it; a line's
     * place in the ledger (from 1) is its key's position, as {@code seq} is in PostgreSQL.
     */
    @Override
    public synchronized Page<WalletTransaction> history(UserId userId, PageRequest page) {
        List<PageKey> mine = new ArrayList<>();
        for (int i = 0; i < ledger.size(); i++) {
            WalletTransaction t = ledger.get(i);
            if (t.userId().equals(userId)
                    && (page.after() == null || i + 1 < page.after().position())) {
                mine.add(new PageKey(i + 1, t.id()));
            }
        }
        Collections.reverse(mine);
        List<PageKey> rows = mine.stream().limit(page.probe()).toList();
        return Page.of(rows, page, key -> key).map(key -> ledger.get((int) key.position() - 1));
    }

    /** Every ledger line of every user, oldest first. */
    public synchronized List<WalletTransaction> ledger() {
        return List.copyOf(ledger);
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<UserId, Wallet> savedWallets = new HashMap<>(wallets);
        List<WalletTransaction> savedLedger = new ArrayList<>(ledger);
        return () -> {
            synchronized (this) {
                wallets = new HashMap<>(savedWallets);
                ledger = new ArrayList<>(savedLedger);
            }
        };
    }

    private Wallet.Change apply(Wallet.Change change) {
        if (ledger.stream().anyMatch(t -> t.id().equals(change.entry().id()))) {
            throw new IllegalStateException(
                    "duplicate wallet transaction id " + change.entry().id());
        }
        wallets.put(change.wallet().userId(), change.wallet());
        ledger.add(change.entry());
        return change;
    }
}
