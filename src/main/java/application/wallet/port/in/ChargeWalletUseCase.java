package application.wallet.port.in;

import domain.shared.InvalidValueException;
import domain.shared.UserId;
import domain.topup.PaymentAlreadyUsedException;
import domain.topup.PaymentDeclinedException;
import domain.topup.TopUp;
import domain.wallet.WalletTransaction;
import java.util.regex.Pattern;

public interface ChargeWalletUseCase {
    /**
     * Adds money to the caller's wallet, once per Idempotency-Key. When payment gateways are
     * configured the money must come from one: the payment is confirmed with its PG and the wallet
     * is credited only on approval, once per PG payment.
     *
     * @throws InvalidValueException when the payment is missing (a PG is configured, or direct charges
     *     are off) or names no configured PG
     * @throws domain.shared.NotFoundException when the payment's order is not the caller's open order
     * @throws domain.topup.TopUpOrderRefusedException when the order was used, expired or is for another amount
     * @throws PaymentDeclinedException when the PG refused the payment (nothing was credited)
     * @throws PaymentAlreadyUsedException when another request already used the PG payment
     */
    Result charge(Command command);

    /** {@code payment} is null for a charge without a PG (only when none is configured and direct charges are on). */
    record Command(UserId userId, long amount, String idempotencyKey, GatewayPayment payment) {
        public Command(UserId userId, long amount, String idempotencyKey) {
            this(userId, amount, idempotencyKey, null);
        }
    }

    /** A payment the client authorised with a PG, to be confirmed (captured) by us. */
    record GatewayPayment(String provider, String paymentKey, String orderId) {
        private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

        public GatewayPayment {
            require("payment.provider", provider, 32);
            require("payment.paymentKey", paymentKey, 200);
            require("payment.orderId", orderId, 64);
        }

        private static void require(String field, String value, int maxLength) {
            if (value == null
                    || value.length() > maxLength
                    || !VISIBLE_ASCII.matcher(value).matches()) {
                throw new InvalidValueException(
                        field, field + " is 1 to " + maxLength + " visible ASCII characters without spaces");
            }
        }
    }

    /**
     * A charge without a PG, or an APPROVED top-up: {@code transaction} is its ledger line. A
     * PENDING top-up (the PG's answer is not known yet) has no ledger line. {@code topUp} is null
     * for a charge without a PG; {@code replayed} when the key had already been answered.
     */
    record Result(WalletTransaction transaction, TopUp topUp, boolean replayed) {
        public Result(WalletTransaction transaction, boolean replayed) {
            this(transaction, null, replayed);
        }

        public boolean pending() {
            return topUp != null && topUp.isPending();
        }
    }
}
