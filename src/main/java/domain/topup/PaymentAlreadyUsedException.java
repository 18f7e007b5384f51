package domain.topup;

import domain.shared.DomainException;

/**
 * A PG payment ({@code provider}, {@code paymentKey}) that another top-up request already recorded:
 * a PG payment credits a wallet at most once.
 */
public final class PaymentAlreadyUsedException extends DomainException {
    private final String provider;
    private final String paymentKey;

    public PaymentAlreadyUsedException(String provider, String paymentKey) {
        super("the payment '" + paymentKey + "' of " + provider + " was already used for a top-up");
        this.provider = provider;
        this.paymentKey = paymentKey;
    }

    public String provider() {
        return provider;
    }

    public String paymentKey() {
        return paymentKey;
    }
}
