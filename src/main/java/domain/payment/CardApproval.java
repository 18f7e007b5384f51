package domain.payment;

import domain.shared.InvalidValueException;
import domain.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A card terminal's approval of a box-office sale (D61): the provider (VAN) whose terminal took the
 * card, its approval number — the payment key that provider's files name the sale by — the
 * terminal, when it approved and the amount it approved. {@code terminal.*} in the request.
 */
public record CardApproval(String provider, String approvalNo, String terminalId, Instant approvedAt, Money amount) {
    /** A reconciliation provider's name, as {@code reconciliation.providers.<name>} spells it. */
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** Letters and digits, as VAN approval numbers and terminal ids are. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,32}");

    public CardApproval {
        if (provider == null || !PROVIDER.matcher(provider).matches()) {
            throw new InvalidValueException(
                    "terminal.provider", "a provider name has 1 to 32 lowercase letters, digits or '-'");
        }
        if (approvalNo == null || !CODE.matcher(approvalNo).matches()) {
            throw new InvalidValueException("terminal.approvalNo", "an approval number has 1 to 32 letters or digits");
        }
        if (terminalId == null || !CODE.matcher(terminalId).matches()) {
            throw new InvalidValueException("terminal.terminalId", "a terminal id has 1 to 32 letters or digits");
        }
        Objects.requireNonNull(approvedAt);
        Objects.requireNonNull(amount);
    }

    /** The approval must be for exactly what the seats cost. */
    public void requireAmount(Money price) {
        if (!amount.equals(price)) {
            throw new CardAmountMismatchException(amount, price);
        }
    }
}
