package domain.reconciliation;

import domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One payment as a PG file states it, in our words whatever the provider's layout. {@code fee},
 * {@code net} and {@code settlementDate} are set on settlement lines only.
 */
public record StatementLine(
        long lineNo,
        String paymentKey,
        GatewayStatus status,
        long amount,
        Long fee,
        Long net,
        LocalDate settlementDate) {

    public static final int MAX_KEY_LENGTH = 200;

    public StatementLine {
        Objects.requireNonNull(status);
        if (paymentKey == null || paymentKey.isBlank() || paymentKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidValueException("paymentKey", "a payment key is 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (amount <= 0) {
            throw new InvalidValueException("amount", "an amount is positive, got " + amount);
        }
        if (fee != null && fee < 0) {
            throw new InvalidValueException("fee", "a fee is not negative, got " + fee);
        }
    }

    public static StatementLine payment(long lineNo, String paymentKey, GatewayStatus status, long amount) {
        return new StatementLine(lineNo, paymentKey, status, amount, null, null, null);
    }

    public static StatementLine settlement(
            long lineNo, String paymentKey, long gross, long fee, long net, LocalDate settlementDate) {
        return new StatementLine(lineNo, paymentKey, GatewayStatus.APPROVED, gross, fee, net, settlementDate);
    }
}
