package application.wallet.port.out;

import domain.shared.Money;
import domain.topup.TopUpStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The payment gateways (PGs) that confirm wallet top-ups, one per configured provider. The calls
 * are remote and slow: callers must not hold a database transaction across them. They never throw
 * for the PG's trouble (timeout, 5xx, connection refused): that is {@link Answer.Unknown}.
 */
public interface PaymentGateway {
    /** The configured providers; empty when top-ups need no PG (dev, tests without a PG). */
    Set<String> providers();

    default boolean isConfigured() {
        return !providers().isEmpty();
    }

    /** Asks the provider to approve (capture) a payment the client authorised. */
    Answer confirm(String provider, String paymentKey, String orderId, Money amount);

    /** Asks the provider where a payment stands (after a confirm whose answer was lost). */
    Answer status(String provider, String paymentKey);

    /** The PG's word on a payment. */
    sealed interface Answer {
        /** The PG took the money: {@code amount} as it has it. */
        record Approved(Money amount, Instant approvedAt) implements Answer {
            public Approved {
                Objects.requireNonNull(amount);
            }
        }

        /** The PG refused it ({@code DECLINED}) or it was cancelled there ({@code CANCELLED}). */
        record Refused(TopUpStatus outcome, String code, String message) implements Answer {
            public Refused {
                if (outcome != TopUpStatus.DECLINED && outcome != TopUpStatus.CANCELLED) {
                    throw new IllegalArgumentException("a refusal is DECLINED or CANCELLED, not " + outcome);
                }
            }
        }

        /** No final answer (yet): a timeout, a 5xx, the PG unreachable, or the payment still in progress. */
        record Unknown(String reason) implements Answer {}
    }
}
