package domain.refund;

import domain.reservation.RefundRefusedException;
import domain.reservation.Reservation;
import domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * When a fan may give a paid seat back and what they get (D49): until {@code cutoff} before the
 * show starts, the price less a fee of {@code feePercent} % of it (rounded down to the won, so the
 * fan never pays a fraction). A cancelled schedule refunds every paid seat in full, at any time: the
 * organiser called the show off, so the fan keeps nothing back.
 */
public record RefundPolicy(Duration cutoff, int feePercent) {

    public RefundPolicy {
        Objects.requireNonNull(cutoff);
        if (cutoff.isNegative()) {
            throw new IllegalArgumentException("refund.cutoff cannot be negative: " + cutoff);
        }
        if (feePercent < 0 || feePercent > 100) {
            throw new IllegalArgumentException("refund.fee-percent is 0 … 100, not " + feePercent);
        }
    }

    /** Whether the owner may still ask for a refund at {@code now}: up to and including {@code startsAt - cutoff}. */
    public boolean allowsOwnerRefund(Instant startsAt, Instant now) {
        return !now.isAfter(startsAt.minus(cutoff));
    }

    /** The fee the service keeps of an owner's refund: feePercent % of the price, rounded down. */
    public Money feeFor(Money price) {
        return Money.won(Math.multiplyExact(price.won(), (long) feePercent) / 100);
    }

    /**
     * The owner's refund of a paid reservation whose show starts at {@code startsAt}. {@code
     * transactionId} names the REFUND ledger line, left out when nothing goes back (a free seat, or a
     * 100 % fee).
     *
     * @throws RefundRefusedException CUTOFF_PASSED after the cutoff
     */
    public Refund ownerRefund(UUID refundId, Reservation paid, Instant startsAt, UUID transactionId, Instant now) {
        if (!allowsOwnerRefund(startsAt, now)) {
            throw new RefundRefusedException(paid.id(), RefundRefusedException.Reason.CUTOFF_PASSED);
        }
        Money fee = feeFor(paid.price());
        Money amount = paid.price().minus(fee);
        return new Refund(
                refundId,
                paid.id(),
                paid.userId(),
                amount,
                fee,
                RefundReason.OWNER,
                now,
                amount.won() == 0 ? null : transactionId,
                null);
    }

    /** The full refund of a paid seat of a cancelled schedule, by the cancellation job {@code jobId}. */
    public static Refund cancelledScheduleRefund(
            UUID refundId, Reservation paid, UUID jobId, UUID transactionId, Instant now) {
        Money amount = paid.price();
        return new Refund(
                refundId,
                paid.id(),
                paid.userId(),
                amount,
                Money.ZERO,
                RefundReason.SCHEDULE_CANCELLED,
                now,
                amount.won() == 0 ? null : transactionId,
                Objects.requireNonNull(jobId));
    }
}
