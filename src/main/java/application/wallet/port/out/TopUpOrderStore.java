package application.wallet.port.out;

import domain.shared.UserId;
import domain.topup.TopUpOrder;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Top-up orders (the PG's {@code orderId}), each bound to at most one top-up. */
public interface TopUpOrderStore {
    /**
     * Serialises order creation of one user until the caller's transaction ends (so a parallel
     * burst cannot pass the open-order bound), then counts the user's open orders at {@code now}
     * ({@code TopUpOrder.isOpen}).
     */
    int lockUserAndCountOpen(UserId user, Instant now);

    void insert(TopUpOrder order);

    Optional<TopUpOrder> find(String orderId);

    /**
     * Binds the order to its top-up in one conditional statement, if and only if it is still
     * unbound; false when another transaction bound it first (nothing changes).
     */
    boolean bind(String orderId, UUID topUpId);

    /** Deletes up to {@code limit} orders that expired before {@code cutoff}, oldest first; returns how many. */
    int forgetExpiredBefore(Instant cutoff, int limit);
}
