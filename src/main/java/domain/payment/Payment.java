package domain.payment;

import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reservation paid from the wallet: the amount taken (the seat's price) and the balance it left.
 * The payments of one request share {@code groupId} and the one wallet ledger line of their total,
 * {@code walletTransactionId} (D47); a payment of one reservation is a group of one, whose group id
 * is its own id. {@code walletTransactionId} is null only for a row written without it.
 */
public record Payment(
        UUID id,
        UUID reservationId,
        UserId userId,
        Money amount,
        Money balanceAfter,
        Instant createdAt,
        UUID groupId,
        UUID walletTransactionId) {
    public Payment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(reservationId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(balanceAfter);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(groupId);
    }

    /** A payment that is a group of one, its ledger line not named. */
    public Payment(UUID id, UUID reservationId, UserId userId, Money amount, Money balanceAfter, Instant createdAt) {
        this(id, reservationId, userId, amount, balanceAfter, createdAt, id, null);
    }
}
