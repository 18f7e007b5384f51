package domain.refund;

import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One refunded seat (a reservation is one seat): what went back to the wallet ({@code amount} =
 * price - {@code fee}), why, and the ledger line that carried it ({@code walletTransactionId}, null
 * when the amount is 0). A seat is refunded at most once: the store keys refunds by reservation.
 * {@code jobId} is the schedule cancellation that refunded it (reason SCHEDULE_CANCELLED only).
 */
public record Refund(
        UUID id,
        UUID reservationId,
        UserId userId,
        Money amount,
        Money fee,
        RefundReason reason,
        Instant refundedAt,
        UUID walletTransactionId,
        UUID jobId) {

    public Refund {
        Objects.requireNonNull(id);
        Objects.requireNonNull(reservationId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(fee);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(refundedAt);
        if ((amount.won() == 0) != (walletTransactionId == null)) {
            throw new IllegalArgumentException("a refund has a ledger line exactly when its amount is positive");
        }
        if ((reason == RefundReason.SCHEDULE_CANCELLED) != (jobId != null)) {
            throw new IllegalArgumentException(
                    "a refund names its cancellation job exactly when its schedule was cancelled");
        }
    }

    /** What the seat cost: the amount given back and the fee kept. */
    public Money price() {
        return amount.plus(fee);
    }
}
