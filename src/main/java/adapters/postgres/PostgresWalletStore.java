package adapters.postgres;

import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import application.wallet.port.out.WalletStore;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.InsufficientBalanceException;
import domain.wallet.TransactionType;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
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

    /**
     * Keyset paging on the ledger's {@code seq} (the key's position; the id only rides along),
     * descending, served by {@code wallet_transaction_user_seq_idx}: a line written meanwhile has a
     * larger seq, so it sorts before the key and never shifts the pages still to come.
     */
    @Override
    public Page<WalletTransaction> history(UserId userId, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("user", userId.value());
        parameters.put("limit", page.probe());
        String after = "";
        if (page.after() != null) {
            after = " AND seq < :after";
            parameters.put("after", page.after().position());
        }
        List<Line> rows = Jdbc.query(
                getEntityManager(),
                """
                SELECT seq, id, user_id, type, amount, balance_after, reference_id, created_at
                FROM wallet_transaction WHERE user_id = :user%s
                ORDER BY seq DESC LIMIT :limit""".formatted(after),
                parameters,
                row -> new Line(
                        row.longValue("seq"),
                        new WalletTransaction(
                                row.uuid("id"),
                                new UserId(row.string("user_id")),
                                row.enumValue("type", TransactionType.class),
                                Money.won(row.longValue("amount")),
                                Money.won(row.longValue("balance_after")),
                                row.uuid("reference_id"),
                                row.instant("created_at"))));
        return Page.of(
                        rows,
                        page,
                        line -> new PageKey(line.seq(), line.transaction().id()))
                .map(Line::transaction);
    }

    private record Line(long seq, WalletTransaction transaction) {}
}
