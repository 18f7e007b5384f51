package domain.topup;

import domain.shared.Money;
import domain.shared.Text;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A wallet top-up paid through a payment gateway (PG). Only an APPROVED top-up has credited the
 * wallet ({@code transactionId} is its ledger line); a PG payment ({@code provider}, {@code
 * paymentKey}) is credited at most once.
 */
public record TopUp(
        UUID id,
        UserId userId,
        String provider,
        String paymentKey,
        String orderId,
        Money amount,
        TopUpStatus status,
        UUID transactionId,
        String failureCode,
        String failureMessage,
        Instant approvedAt,
        Instant createdAt) {

    public TopUp {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(paymentKey);
        Objects.requireNonNull(orderId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(status);
        Objects.requireNonNull(createdAt);
        if ((status == TopUpStatus.APPROVED) != (transactionId != null)) {
            throw new IllegalArgumentException("only an APPROVED top-up has a ledger line: " + status);
        }
    }

    public static TopUp pending(
            UUID id, UserId userId, String provider, String paymentKey, String orderId, Money amount, Instant now) {
        return new TopUp(
                id, userId, provider, paymentKey, orderId, amount, TopUpStatus.PENDING, null, null, null, null, now);
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }

    public boolean isPending() {
        return status == TopUpStatus.PENDING;
    }

    /**
     * The PG approved it and the wallet was credited by ledger line {@code transactionId}.
     *
     * @throws TopUpNotPendingException when it has already settled
     */
    public TopUp approve(UUID transactionId, Instant now) {
        requirePending(TopUpStatus.APPROVED);
        return new TopUp(
                id,
                userId,
                provider,
                paymentKey,
                orderId,
                amount,
                TopUpStatus.APPROVED,
                transactionId,
                null,
                null,
                now,
                createdAt);
    }

    /**
     * The PG refused it (declined) or it was cancelled there before we credited it.
     *
     * @throws TopUpNotPendingException when it has already settled
     */
    public TopUp close(TopUpStatus outcome, String code, String message) {
        if (outcome != TopUpStatus.DECLINED && outcome != TopUpStatus.CANCELLED) {
            throw new IllegalArgumentException("a top-up closes as DECLINED or CANCELLED, not " + outcome);
        }
        requirePending(outcome);
        // the gateway's words are kept, but only as text the store can hold
        return new TopUp(
                id,
                userId,
                provider,
                paymentKey,
                orderId,
                amount,
                outcome,
                null,
                Text.storable(code),
                Text.storable(message),
                null,
                createdAt);
    }

    private void requirePending(TopUpStatus target) {
        if (!isPending()) {
            throw new TopUpNotPendingException(id, status, target);
        }
    }
}
