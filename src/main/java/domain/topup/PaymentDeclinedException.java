package domain.topup;

import domain.shared.DomainException;
import java.util.UUID;

/** The PG refused the payment of a top-up (DECLINED) or it was cancelled there: nothing was credited. */
public final class PaymentDeclinedException extends DomainException {
    private final UUID topUpId;
    private final TopUpStatus status;
    private final String code;
    private final String pgMessage;

    public PaymentDeclinedException(TopUp topUp) {
        super("the payment gateway did not approve the payment"
                + (topUp.failureMessage() == null ? "" : ": " + topUp.failureMessage()));
        if (topUp.status() != TopUpStatus.DECLINED && topUp.status() != TopUpStatus.CANCELLED) {
            throw new IllegalArgumentException("not a refused top-up: " + topUp.status());
        }
        this.topUpId = topUp.id();
        this.status = topUp.status();
        this.code = topUp.failureCode();
        this.pgMessage = topUp.failureMessage();
    }

    public UUID topUpId() {
        return topUpId;
    }

    /** DECLINED or CANCELLED. */
    public TopUpStatus status() {
        return status;
    }

    /** The PG's code (e.g. {@code REJECT_CARD_COMPANY}); may be null. */
    public String code() {
        return code;
    }

    /** The PG's own words; may be null. */
    public String pgMessage() {
        return pgMessage;
    }
}
