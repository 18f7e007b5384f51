package adapters.postgres;

import application.wallet.port.out.WalletStore;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.InsufficientBalanceException;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A balance changes in one statement that applies the domain's rule in the database: a charge is
 * an upsert that adds, a payment an {@code UPDATE … WHERE balance >= amount} ({@code Wallet.canPay},
 * spelled in SQL for atomicity, D40). No row is locked
 * before the change, so a hot wallet's lock is held only from that statement to the commit.
 */
@ApplicationScoped
public class PostgresWalletStore implements WalletStore, PanacheRepositoryBase<WalletTransactionEntity, UUID> {

    @Override
    public Wallet load(UserId userId) {
        WalletEntity wallet = getEntityManager().find(WalletEntity.class, userId.value());
        return wallet == null ? Wallet.empty(userId) : new Wallet(userId, Money.won(wallet.balance));
    }

    @Override
    public Wallet.Change charge(UserId userId, Money amount, UUID transactionId, Instant now) {
        long after = Jdbc.one(
                getEntityManager(),
                """
                INSERT INTO wallet AS w (user_id, balance, updated_at) VALUES (:user, :amount, :now)
                ON CONFLICT (user_id) DO UPDATE
                    SET balance = w.balance + EXCLUDED.balance, updated_at = EXCLUDED.updated_at
                RETURNING balance
                """,
                Map.of("user", userId.value(), "amount", amount.won(), "now", now),
                row -> row.longValue("balance"));
        // the statement decided; report what it did (no replay of the domain's decision, D40)
        return record(Wallet.Change.charged(userId, amount, Money.won(after), transactionId, now));
    }

    @Override
    public Wallet.Change pay(UserId userId, Money amount, UUID transactionId, UUID paymentId, Instant now) {
        List<Long> after = Jdbc.query(
                getEntityManager(),
                """
                UPDATE wallet SET balance = balance - :amount, updated_at = :now
                WHERE user_id = :user AND balance >= :amount
                RETURNING balance
                """,
                Map.of("user", userId.value(), "amount", amount.won(), "now", now),
                row -> row.longValue("balance"));
        if (after.isEmpty()) {
            throw new InsufficientBalanceException(userId, load(userId).balance(), amount);
        }
        // the UPDATE spelled Wallet.canPay for atomicity and decided; report what it did (D40)
        return record(Wallet.Change.paid(userId, amount, Money.won(after.getFirst()), transactionId, paymentId, now));
    }

    /** An upsert that adds, like a charge (a refunded fan paid from this wallet, so it exists). */
    @Override
    public Wallet.Change refund(UserId userId, Money amount, UUID transactionId, UUID refundId, Instant now) {
        long after = Jdbc.one(
                getEntityManager(),
                """
                INSERT INTO wallet AS w (user_id, balance, updated_at) VALUES (:user, :amount, :now)
                ON CONFLICT (user_id) DO UPDATE
                    SET balance = w.balance + EXCLUDED.balance, updated_at = EXCLUDED.updated_at
                RETURNING balance
                """,
                Map.of("user", userId.value(), "amount", amount.won(), "now", now),
                row -> row.longValue("balance"));
        return record(Wallet.Change.refunded(userId, amount, Money.won(after), transactionId, refundId, now));
    }

    private Wallet.Change record(Wallet.Change change) {
        persist(PersistenceMapper.entity(change.entry()));
        return change;
    }

    @Override
    public Optional<WalletTransaction> transaction(UUID id) {
        return findByIdOptional(id).map(PersistenceMapper::transaction);
    }

    @Override
    public List<WalletTransaction> history(UserId userId, int limit) {
        return find("userId", Sort.descending("seq"), userId.value()).page(Page.ofSize(limit)).stream()
                .map(PersistenceMapper::transaction)
                .toList();
    }
}
