package domain.topup;

import domain.shared.DomainException;

/** A top-up order that cannot take this payment, or a user who may open no more orders. */
public final class TopUpOrderRefusedException extends DomainException {
    public enum Reason {
        /** The order already has its top-up: an order is paid once. */
        USED("the top-up order was already used"),
        /** The order's lifetime ({@code wallet.top-up-order-ttl}) is over. */
        EXPIRED("the top-up order has expired; create a new one"),
        /** The charge's amount is not the order's amount. */
        AMOUNT_MISMATCH("the amount is not the amount of the top-up order"),
        /** The user has {@code wallet.top-up-orders.max-open} open orders already. */
        TOO_MANY_OPEN("too many open top-up orders; pay or let one expire first");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final Reason reason;

    public TopUpOrderRefusedException(Reason reason, String orderId) {
        super(reason.text + (orderId == null ? "" : ": " + orderId));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
