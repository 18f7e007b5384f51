package domain.reconciliation;

import domain.topup.TopUpStatus;
import java.util.Objects;

/** Our side of a payment: the top-up's state, amount and reconciliation state as our books have it. */
public record BookedTopUp(String paymentKey, TopUpStatus status, long amount, ReconciliationState state) {
    public BookedTopUp {
        Objects.requireNonNull(paymentKey);
        Objects.requireNonNull(status);
        Objects.requireNonNull(state);
    }

    /** A top-up no stage has reconciled yet. */
    public BookedTopUp(String paymentKey, TopUpStatus status, long amount) {
        this(paymentKey, status, amount, ReconciliationState.UNRECONCILED);
    }

    boolean credited() {
        return status == TopUpStatus.APPROVED;
    }
}
