package adapters.postgres;

import application.wallet.port.out.TopUpStore;
import domain.topup.PaymentAlreadyUsedException;
import domain.topup.TopUp;
import domain.topup.TopUpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A PG payment is recorded once by {@code INSERT … ON CONFLICT ON CONSTRAINT topup_payment_key_uq
 * DO NOTHING}: a concurrent insert of the same payment waits for the first one's transaction and
 * inserts nothing if it committed. A top-up settles by {@code UPDATE … WHERE id = ? AND status =
 * 'PENDING'}: of two concurrent settlements the second waits for the first's row lock, then finds
 * the row no longer PENDING and changes nothing. Loaded entities are detached at once, so a read
 * after a lost race sees the committed row, not a copy cached in the session.
 */
@ApplicationScoped
public class PostgresTopUpStore implements TopUpStore {
    /** The columns' sizes: a PG's code and free text can be longer. */
    private static final int MESSAGE_LENGTH = 500;

    private static final int CODE_LENGTH = 64;

    private final EntityManager em;

    public PostgresTopUpStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(TopUp pending) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", pending.id());
        row.put("user", pending.userId().value());
        row.put("provider", pending.provider());
        row.put("paymentKey", pending.paymentKey());
        row.put("orderId", pending.orderId());
        row.put("amount", pending.amount().won());
        row.put("status", pending.status().name());
        row.put("now", pending.createdAt());
        int inserted = Jdbc.update(em, """
                INSERT INTO topup (id, user_id, provider, payment_key, order_id, amount, status,
                                   created_at, updated_at)
                VALUES (:id, :user, :provider, :paymentKey, :orderId, :amount, :status, :now, :now)
                ON CONFLICT ON CONSTRAINT topup_payment_key_uq DO NOTHING
                """, row);
        if (inserted == 0) {
            throw new PaymentAlreadyUsedException(pending.provider(), pending.paymentKey());
        }
    }

    @Override
    public Optional<TopUp> findById(UUID id) {
        return em
                .createQuery("from TopUpEntity t where t.id = :id", TopUpEntity.class)
                .setParameter("id", id)
                .getResultList()
                .stream()
                .findFirst()
                .map(this::detached);
    }

    @Override
    public Optional<TopUp> findByPayment(String provider, String paymentKey) {
        return em
                .createQuery(
                        "from TopUpEntity t where t.provider = :provider and t.paymentKey = :paymentKey",
                        TopUpEntity.class)
                .setParameter("provider", provider)
                .setParameter("paymentKey", paymentKey)
                .getResultList()
                .stream()
                .findFirst()
                .map(this::detached);
    }

    @Override
    public boolean settle(TopUp settled, Instant now) {
        Map<String, Object> change = new HashMap<>();
        change.put("status", settled.status().name());
        change.put("transactionId", settled.transactionId());
        change.put("code", truncate(settled.failureCode(), CODE_LENGTH));
        change.put("message", truncate(settled.failureMessage(), MESSAGE_LENGTH));
        change.put("approvedAt", settled.approvedAt());
        change.put("now", now);
        change.put("id", settled.id());
        // the NULLs (no ledger line yet, no reason) take their types from the columns they are assigned to
        return Jdbc.update(em, """
                        UPDATE topup SET status = :status, transaction_id = :transactionId,
                               failure_code = :code, failure_message = :message,
                               approved_at = :approvedAt, updated_at = :now
                        WHERE id = :id AND status = 'PENDING'
                        """, change) == 1;
    }

    @Override
    public List<TopUp> pendingCreatedBefore(Instant cutoff, PendingKey after, int limit) {
        // keyset order on the partial index topup_pending_idx (created_at, id) WHERE status = 'PENDING'
        var query = after == null
                ? em.createQuery(
                                "from TopUpEntity t where t.status = :pending and t.createdAt < :cutoff"
                                        + " order by t.createdAt, t.id",
                                TopUpEntity.class)
                        .setParameter("pending", TopUpStatus.PENDING)
                        .setParameter("cutoff", cutoff)
                : em.createQuery(
                                "from TopUpEntity t where t.status = :pending and t.createdAt < :cutoff"
                                        + " and (t.createdAt > :afterAt or (t.createdAt = :afterAt and t.id > :afterId))"
                                        + " order by t.createdAt, t.id",
                                TopUpEntity.class)
                        .setParameter("pending", TopUpStatus.PENDING)
                        .setParameter("cutoff", cutoff)
                        .setParameter("afterAt", after.createdAt())
                        .setParameter("afterId", after.id());
        return query.setMaxResults(limit).getResultList().stream()
                .map(this::detached)
                .toList();
    }

    private TopUp detached(TopUpEntity entity) {
        em.detach(entity);
        return PersistenceMapper.topUp(entity);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
