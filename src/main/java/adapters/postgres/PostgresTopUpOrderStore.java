package adapters.postgres;

import application.wallet.port.out.TopUpOrderStore;
import domain.shared.Money;
import domain.shared.UserId;
import domain.topup.TopUpOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders are plain rows written by SQL statements (no entity: nothing is cached in the
 * session). The per-user bound holds under a parallel burst because creation takes a transaction
 * advisory lock on the user first; binding an order to its top-up is one conditional UPDATE.
 */
@ApplicationScoped
public class PostgresTopUpOrderStore implements TopUpOrderStore {
    /** The advisory lock space of top-up orders (the first key of the two-key form). */
    private static final int LOCK_SPACE = 15_002;

    private final EntityManager em;

    public PostgresTopUpOrderStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public int lockUserAndCountOpen(UserId user, Instant now) {
        Jdbc.one(
                em,
                "SELECT pg_advisory_xact_lock(:space, hashtext(:user))::text",
                Map.of("space", LOCK_SPACE, "user", user.value()),
                row -> Boolean.TRUE);
        return Jdbc.one(em, """
                SELECT count(*) AS open_orders FROM topup_order
                WHERE user_id = :user AND topup_id IS NULL AND expires_at > :now
                """, Map.of("user", user.value(), "now", now), row -> row.intValue("open_orders"));
    }

    @Override
    public void insert(TopUpOrder order) {
        Jdbc.update(
                em,
                """
                INSERT INTO topup_order (id, user_id, amount, created_at, expires_at)
                VALUES (:id, :user, :amount, :createdAt, :expiresAt)
                """,
                Map.of(
                        "id", order.id(),
                        "user", order.userId().value(),
                        "amount", order.amount().won(),
                        "createdAt", order.createdAt(),
                        "expiresAt", order.expiresAt()));
    }

    @Override
    public Optional<TopUpOrder> find(String orderId) {
        return Jdbc.query(
                        em,
                        """
                        SELECT id, user_id, amount, created_at, expires_at, topup_id FROM topup_order WHERE id = :id
                        """,
                        Map.of("id", orderId),
                        row -> new TopUpOrder(
                                row.string("id"),
                                new UserId(row.string("user_id")),
                                Money.won(row.longValue("amount")),
                                row.instant("created_at"),
                                row.instant("expires_at"),
                                row.uuid("topup_id")))
                .stream()
                .findFirst();
    }

    @Override
    public boolean bind(String orderId, UUID topUpId) {
        return Jdbc.update(
                        em,
                        "UPDATE topup_order SET topup_id = :topUp WHERE id = :id AND topup_id IS NULL",
                        Map.of("topUp", topUpId, "id", orderId))
                == 1;
    }

    /**
     * MATERIALIZED, as in the hold-expiry claim: the batch is claimed once, so a runner locks (and
     * hides from the other runners) only the rows it deletes.
     */
    @Override
    public int forgetExpiredBefore(Instant cutoff, int limit) {
        return Jdbc.update(em, """
                WITH claimed AS MATERIALIZED (
                    SELECT id FROM topup_order WHERE expires_at < :cutoff
                    ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                DELETE FROM topup_order o USING claimed WHERE o.id = claimed.id
                """, Map.of("cutoff", cutoff, "limit", limit));
    }
}
