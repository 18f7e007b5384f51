package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.wallet.port.out.PaymentGateway;
import application.wallet.port.out.PaymentGateway.Answer;
import domain.shared.Money;
import domain.topup.TopUpStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link PaymentGateway}: the PG's word on a payment, and {@link Answer.Unknown} (never an
 * exception) for anything that is not a final word.
 */
public abstract class PaymentGatewayContract {
    /** How the PG will answer the next confirm of a payment key. */
    protected enum Script {
        APPROVE,
        DECLINE,
        FAIL
    }

    protected abstract PaymentGateway gateway();

    /** A configured provider whose answers the test scripts. */
    protected abstract String provider();

    /** Makes the PG answer a confirm of {@code paymentKey} of {@code won} as scripted. */
    protected abstract void script(String paymentKey, Script script, long won);

    private static String newKey() {
        return "pk-contract-" + UUID.randomUUID();
    }

    private Answer confirm(String paymentKey, long won) {
        return gateway().confirm(provider(), paymentKey, "ord_" + UUID.randomUUID(), Money.won(won));
    }

    @Test
    void theScriptedProviderIsConfigured() {
        assertTrue(gateway().providers().contains(provider()));
        assertTrue(gateway().isConfigured());
    }

    @Test
    void anApprovedPaymentSaysHowMuchThePgTookAndItsStatusSaysTheSame() {
        String key = newKey();
        script(key, Script.APPROVE, 5_000);

        Answer confirmed = confirm(key, 5_000);
        Answer status = gateway().status(provider(), key);

        assertEquals(
                Money.won(5_000),
                assertInstanceOf(Answer.Approved.class, confirmed).amount());
        assertEquals(
                Money.won(5_000),
                assertInstanceOf(Answer.Approved.class, status).amount());
    }

    @Test
    void aDeclinedPaymentIsRefusedAndItsStatusSaysTheSame() {
        String key = newKey();
        script(key, Script.DECLINE, 5_000);

        Answer confirmed = confirm(key, 5_000);

        assertEquals(
                TopUpStatus.DECLINED,
                assertInstanceOf(Answer.Refused.class, confirmed).outcome());
        assertEquals(
                TopUpStatus.DECLINED,
                assertInstanceOf(Answer.Refused.class, gateway().status(provider(), key))
                        .outcome());
    }

    @Test
    void aPgInTroubleGivesNoWordAndThrowsNothing() {
        String key = newKey();
        script(key, Script.FAIL, 5_000);

        assertInstanceOf(Answer.Unknown.class, confirm(key, 5_000));
    }

    @Test
    void aProviderThatIsNotConfiguredGivesNoWord() {
        String key = newKey();
        script(key, Script.APPROVE, 5_000);

        assertInstanceOf(
                Answer.Unknown.class, gateway().confirm("nobody", key, "ord_" + UUID.randomUUID(), Money.won(5_000)));
        assertInstanceOf(Answer.Unknown.class, gateway().status("nobody", key));
    }

    @Test
    void aPaymentThePgNeverSawHasNoStatus() {
        assertInstanceOf(Answer.Unknown.class, gateway().status(provider(), newKey()));
    }
}
