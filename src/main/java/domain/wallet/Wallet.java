package domain.wallet;

import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A prepaid balance. It never goes below zero ({@link #canPay}) and each change yields its ledger
 * line. The stores apply the same rule in one conditional statement for atomicity (see {@code
 * docs/decisions.md}, D40): the rule is stated once here, spelled again by the database, and the
 * port contract ({@code contracts.ports.WalletStoreContract}) proves the two agree.
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
        return Change.charged(userId, amount, balance.plus(amount), transactionId, now);
    }

    /**
     * Pays {@code amount} if the balance covers it ({@link #canPay}). A store that pays in one
     * conditional statement applies the same rule there and reports what it did with {@link
     * Change#paid}.
     */
    public Change pay(Money amount, UUID transactionId, UUID paymentId, Instant now) {
        if (!canPay(amount)) {
            throw new InsufficientBalanceException(userId, balance, amount);
        }
        return Change.paid(userId, amount, balance.minus(amount), transactionId, paymentId, now);
    }

    /** Gives {@code amount} back for refund {@code refundId}: the wallet and its REFUND line. */
    public Change refund(Money amount, UUID transactionId, UUID refundId, Instant now) {
        return Change.refunded(userId, amount, balance.plus(amount), transactionId, refundId, now);
    }

    /** The wallet after a change, and the ledger line that records it. */
    public record Change(Wallet wallet, WalletTransaction entry) {
        /** A charge of {@code amount} that left {@code balanceAfter}: the wallet and its CHARGE line. */
        public static Change charged(UserId userId, Money amount, Money balanceAfter, UUID transactionId, Instant now) {
            return new Change(
                    new Wallet(userId, balanceAfter),
                    WalletTransaction.charge(transactionId, userId, amount, balanceAfter, now));
        }

        /** A refund of {@code amount} that left {@code balanceAfter}: the wallet and its REFUND line. */
        public static Change refunded(
                UserId userId, Money amount, Money balanceAfter, UUID transactionId, UUID refundId, Instant now) {
            return new Change(
                    new Wallet(userId, balanceAfter),
                    WalletTransaction.refund(transactionId, userId, amount, balanceAfter, refundId, now));
        }

        /**
         * A payment of {@code amount} that left {@code balanceAfter}, as a store reports the one
         * conditional statement that applied {@link Wallet#canPay}: the wallet and its PAYMENT line.
         */
        public static Change paid(
                UserId userId, Money amount, Money balanceAfter, UUID transactionId, UUID paymentId, Instant now) {
            return new Change(
                    new Wallet(userId, balanceAfter),
                    WalletTransaction.payment(transactionId, userId, amount, balanceAfter, paymentId, now));
        }
    }
}
