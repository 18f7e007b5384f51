package adapters.postgres;

import application.port.WalletStore;
import application.wallet.SettleTopUpUseCase;
import domain.shared.Money;
import domain.shared.UserId;
import domain.topup.TopUp;
import domain.topup.TopUpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** INTERIM: replaced by application.wallet.SettleTopUpService from the top-up branch. */
@ApplicationScoped
public class InterimSettleTopUp implements SettleTopUpUseCase {
    private final EntityManager em;
    private final WalletStore wallets;
    private final Clock clock;

    public InterimSettleTopUp(EntityManager em, WalletStore wallets, Clock clock) {
        this.em = em;
        this.wallets = wallets;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<TopUp> settle(String provider, String paymentKey, TopUpStatus outcome) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, user_id, amount, status FROM topup WHERE provider = :p AND payment_key = :k FOR UPDATE")
                .setParameter("p", provider)
                .setParameter("k", paymentKey)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.getFirst();
        if (!"PENDING".equals(r[3])) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        UUID tx = null;
        if (outcome == TopUpStatus.APPROVED) {
            tx = wallets.charge(
                            new UserId((String) r[1]), Money.won(((Number) r[2]).longValue()), UUID.randomUUID(), now)
                    .entry()
                    .id();
        }
        em.createNativeQuery(
                        "UPDATE topup SET status = :s, transaction_id = :t, approved_at = :a, updated_at = :now WHERE id = :id")
                .setParameter("s", outcome.name())
                .setParameter("t", tx)
                .setParameter("a", tx == null ? null : now)
                .setParameter("now", now)
                .setParameter("id", r[0])
                .executeUpdate();
        return Optional.empty();
    }
}
