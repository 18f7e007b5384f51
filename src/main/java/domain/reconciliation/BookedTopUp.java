package domain.reconciliation;

import domain.topup.TopUpStatus;
import java.util.Objects;

/**
 * Our side of a payment: the top-up's state, amount and reconciliation state as our books have it.
 * A box-office sale (D62) is read as an APPROVED one: the terminal approved it, and it never waits
 * for the file's word.
 */
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
