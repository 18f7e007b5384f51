package domain.wallet;

import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A prepaid balance. It never goes below zero and each change yields its ledger line. The stores
 * apply the same rule in one conditional statement (see {@code docs/decisions.md}), so the rule is
 * written once here and checked again by the database.
 */
public record Wallet(UserId userId, Money balance) {
    public static final long MAX_CHARGE = 10_000_000;

    public Wallet {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(balance);
    }

    public static Wallet empty(UserId userId) {
        return new Wallet(userId, Money.ZERO);
    }

    /** A single top-up is 1 … 10,000,000 won. */
    public static Money requireChargeable(long won) {
        if (won < 1 || won > MAX_CHARGE) {
            throw new InvalidValueException("amount", "a charge is between 1 and " + MAX_CHARGE + " won");
        }
        return Money.won(won);
    }

    public boolean canPay(Money amount) {
        return !balance.isLessThan(amount);
    }

    public Change charge(Money amount, UUID transactionId, Instant now) {
        Wallet after = new Wallet(userId, balance.plus(amount));
        return new Change(after, WalletTransaction.charge(transactionId, userId, amount, after.balance, now));
    }

    public Change pay(Money amount, UUID transactionId, UUID paymentId, Instant now) {
        if (!canPay(amount)) {
            throw new InsufficientBalanceException(userId, balance, amount);
        }
        Wallet after = new Wallet(userId, balance.minus(amount));
        return new Change(
                after, WalletTransaction.payment(transactionId, userId, amount, after.balance, paymentId, now));
    }

    /** The wallet after a change, and the ledger line that records it. */
    public record Change(Wallet wallet, WalletTransaction entry) {}
}
