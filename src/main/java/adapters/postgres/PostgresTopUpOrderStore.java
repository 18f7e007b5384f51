package adapters.postgres;

import application.wallet.port.out.TopUpOrderStore;
import domain.shared.Money;
import domain.shared.UserId;
import domain.topup.TopUpOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders are plain rows written by native statements (no entity: nothing is cached in the
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
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:space, hashtext(:user))::text")
                .setParameter("space", LOCK_SPACE)
                .setParameter("user", user.value())
                .getSingleResult();
        return ((Number) em.createNativeQuery("""
                                SELECT count(*) FROM topup_order
                                WHERE user_id = :user AND topup_id IS NULL AND expires_at > :now
                                """)
                        .setParameter("user", user.value())
                        .setParameter("now", now)
                        .getSingleResult())
                .intValue();
    }

    @Override
    public void insert(TopUpOrder order) {
        em.createNativeQuery("""
                        INSERT INTO topup_order (id, user_id, amount, created_at, expires_at)
                        VALUES (:id, :user, :amount, :createdAt, :expiresAt)
                        """)
                .setParameter("id", order.id())
                .setParameter("user", order.userId().value())
                .setParameter("amount", order.amount().won())
                .setParameter("createdAt", order.createdAt())
                .setParameter("expiresAt", order.expiresAt())
                .executeUpdate();
    }

    @Override
    public Optional<TopUpOrder> find(String orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT id, user_id, amount, created_at, expires_at, topup_id FROM topup_order WHERE id = :id
                        """).setParameter("id", orderId).getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new TopUpOrder(
                        (String) r[0],
                        new UserId((String) r[1]),
                        Money.won(((Number) r[2]).longValue()),
                        PersistenceMapper.instant(r[3]),
                        PersistenceMapper.instant(r[4]),
                        (UUID) r[5]));
    }

    @Override
    public boolean bind(String orderId, UUID topUpId) {
        return em.createNativeQuery("UPDATE topup_order SET topup_id = :topUp WHERE id = :id AND topup_id IS NULL")
                        .setParameter("topUp", topUpId)
                        .setParameter("id", orderId)
                        .executeUpdate()
                == 1;
    }

    @Override
    public int forgetExpiredBefore(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        DELETE FROM topup_order WHERE id IN (
                            SELECT id FROM topup_order WHERE expires_at < :cutoff
                            ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        """)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
