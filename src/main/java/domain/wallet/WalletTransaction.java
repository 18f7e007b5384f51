package domain.wallet;

import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a wallet's ledger: every balance change is exactly one of these. {@code amount} is
 * always positive; the type says which way it moved the balance.
 */
public record WalletTransaction(
        UUID id,
        UserId userId,
        TransactionType type,
        Money amount,
        Money balanceAfter,
        UUID referenceId,
        Instant createdAt) {

    public WalletTransaction {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(balanceAfter);
        Objects.requireNonNull(createdAt);
        if (amount == null || amount.won() == 0) {
            throw new InvalidValueException("amount", "a wallet transaction moves a positive amount");
        }
    }

    public static WalletTransaction charge(UUID id, UserId userId, Money amount, Money balanceAfter, Instant now) {
        return new WalletTransaction(id, userId, TransactionType.CHARGE, amount, balanceAfter, null, now);
    }

    /** Money given back for refund {@code refundId} (its reference). */
    public static WalletTransaction refund(
            UUID id, UserId userId, Money amount, Money balanceAfter, UUID refundId, Instant now) {
        return new WalletTransaction(id, userId, TransactionType.REFUND, amount, balanceAfter, refundId, now);
    }

    public static WalletTransaction payment(
            UUID id, UserId userId, Money amount, Money balanceAfter, UUID paymentId, Instant now) {
        return new WalletTransaction(id, userId, TransactionType.PAYMENT, amount, balanceAfter, paymentId, now);
    }
}
