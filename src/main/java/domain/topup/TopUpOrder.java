package domain.topup;

import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order a user created before paying a top-up at a PG (the PG's {@code orderId}). A PG payment
 * is credited only against its payer's own open order of the same amount, once: a payment key or
 * order id taken from someone else moves no money.
 */
public record TopUpOrder(String id, UserId userId, Money amount, Instant createdAt, Instant expiresAt, UUID topUpId) {

    public TopUpOrder {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(expiresAt);
    }

    public static TopUpOrder open(String id, UserId userId, Money amount, Instant now, java.time.Duration ttl) {
        return new TopUpOrder(id, userId, amount, now, now.plus(ttl), null);
    }

    /**
     * Payable now: not used yet and not expired. The order store counts a user's open orders with
     * the same rule in SQL ({@code topup_id IS NULL AND expires_at > :now}); the port contract
     * tests prove the two agree.
     */
    public boolean isOpen(Instant now) {
        return topUpId == null && !hasExpiredAt(now);
    }

    /** An order is payable until, not at, its expiry instant. */
    public boolean hasExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Checks that {@code user} may pay {@code amount} against this order now.
     *
     * @throws NotFoundException when the order is someone else's (not told apart from a missing one)
     * @throws TopUpOrderRefusedException when it was used, has expired, or is for another amount
     */
    public void requirePayableBy(UserId user, Money payment, Instant now) {
        if (!userId.equals(user)) {
            throw new NotFoundException("top-up order", id);
        }
        if (topUpId != null) {
            throw new TopUpOrderRefusedException(TopUpOrderRefusedException.Reason.USED, id);
        }
        if (hasExpiredAt(now)) {
            throw new TopUpOrderRefusedException(TopUpOrderRefusedException.Reason.EXPIRED, id);
        }
        if (!amount.equals(payment)) {
            throw new TopUpOrderRefusedException(TopUpOrderRefusedException.Reason.AMOUNT_MISMATCH, id);
        }
    }
}
