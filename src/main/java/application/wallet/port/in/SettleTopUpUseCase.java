package application.wallet.port.in;

import domain.topup.TopUp;
import domain.topup.TopUpStatus;
import java.util.Optional;

/**
 * Applies a payment gateway's final word to a PENDING top-up: APPROVED credits the wallet (exactly
 * once, whoever calls first — a status query or the reconciliation), DECLINED or CANCELLED closes
 * it without money moving. A top-up that is no longer PENDING is returned unchanged.
 */
public interface SettleTopUpUseCase {
    /** Empty when no top-up has that payment key. */
    Optional<TopUp> settle(String provider, String paymentKey, TopUpStatus outcome);

    /**
     * The same, keeping the PG's code and message of a refusal on the top-up. An implementation
     * that keeps no reason (a test fake) may rely on this default.
     */
    default Optional<TopUp> settle(
            String provider, String paymentKey, TopUpStatus outcome, String failureCode, String failureMessage) {
        return settle(provider, paymentKey, outcome);
    }
}
