package domain.reconciliation;

import domain.topup.TopUpStatus;
import java.util.Objects;

/** Our side of a payment: the top-up's state and amount as our books have it. */
public record BookedTopUp(String paymentKey, TopUpStatus status, long amount) {
    public BookedTopUp {
        Objects.requireNonNull(paymentKey);
        Objects.requireNonNull(status);
    }

    boolean credited() {
        return status == TopUpStatus.APPROVED;
    }
}
