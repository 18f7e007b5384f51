package application.fakes;

import application.wallet.port.out.TopUpStore;
import domain.topup.PaymentAlreadyUsedException;
import domain.topup.TopUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Top-ups in memory, like {@code PostgresTopUpStore}: one per PG payment, settled only while PENDING,
 * paged in the database's order of ids.
 */
public final class InMemoryTopUpStore implements TopUpStore, TransactionalFake {
    private Map<UUID, TopUp> topUps = new HashMap<>();

    @Override
    public synchronized void insert(TopUp pending) {
        if (findByPayment(pending.provider(), pending.paymentKey()).isPresent()) {
            throw new PaymentAlreadyUsedException(pending.provider(), pending.paymentKey());
        }
        topUps.put(pending.id(), pending);
    }

    @Override
    public synchronized Optional<TopUp> findById(UUID id) {
        return Optional.ofNullable(topUps.get(id));
    }

    @Override
    public synchronized Optional<TopUp> findByPayment(String provider, String paymentKey) {
        return topUps.values().stream()
                .filter(t -> t.provider().equals(provider) && t.paymentKey().equals(paymentKey))
                .findFirst();
    }

    @Override
    public synchronized boolean settle(TopUp settled, Instant now) {
        TopUp stored = topUps.get(settled.id());
        if (stored == null || !stored.isPending()) {
            return false;
        }
        topUps.put(settled.id(), settled);
        return true;
    }

    @Override
    public synchronized List<TopUp> pendingCreatedBefore(Instant cutoff, PendingKey after, int limit) {
        return topUps.values().stream()
                .filter(t -> t.isPending() && t.createdAt().isBefore(cutoff))
                .filter(t -> after == null || PendingKey.ORDER.compare(PendingKey.of(t), after) > 0)
                .sorted(java.util.Comparator.comparing(PendingKey::of, PendingKey.ORDER))
                .limit(limit)
                .toList();
    }

    public synchronized List<TopUp> all() {
        return new ArrayList<>(topUps.values());
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<UUID, TopUp> saved = new HashMap<>(topUps);
        return () -> {
            synchronized (this) {
                topUps = new HashMap<>(saved);
            }
        };
    }
}
