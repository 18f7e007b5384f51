package application.fakes;

import application.wallet.port.out.TopUpOrderStore;
import domain.shared.UserId;
import domain.topup.TopUpOrder;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Top-up orders in memory, like {@code PostgresTopUpOrderStore}: bound to one top-up at most. */
public final class InMemoryTopUpOrderStore implements TopUpOrderStore, TransactionalFake {
    private Map<String, TopUpOrder> orders = new HashMap<>();

    @Override
    public synchronized int lockUserAndCountOpen(UserId user, Instant now) {
        return (int) orders.values().stream()
                .filter(o -> o.userId().equals(user) && o.isOpen(now))
                .count();
    }

    @Override
    public synchronized void insert(TopUpOrder order) {
        if (orders.putIfAbsent(order.id(), order) != null) {
            throw new IllegalStateException("duplicate order id " + order.id());
        }
    }

    @Override
    public synchronized Optional<TopUpOrder> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public synchronized boolean bind(String orderId, UUID topUpId) {
        TopUpOrder order = orders.get(orderId);
        if (order == null || order.topUpId() != null) {
            return false;
        }
        orders.put(
                orderId,
                new TopUpOrder(
                        order.id(), order.userId(), order.amount(), order.createdAt(), order.expiresAt(), topUpId));
        return true;
    }

    @Override
    public synchronized int forgetExpiredBefore(Instant cutoff, int limit) {
        List<String> expired = orders.values().stream()
                .filter(o -> o.expiresAt().isBefore(cutoff))
                .sorted(java.util.Comparator.comparing(TopUpOrder::expiresAt))
                .limit(limit)
                .map(TopUpOrder::id)
                .toList();
        expired.forEach(orders::remove);
        return expired.size();
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<String, TopUpOrder> saved = new HashMap<>(orders);
        return () -> {
            synchronized (this) {
                orders = new HashMap<>(saved);
            }
        };
    }
}
