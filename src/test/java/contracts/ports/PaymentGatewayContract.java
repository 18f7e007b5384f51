package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.wallet.port.out.PaymentGateway;
import application.wallet.port.out.PaymentGateway.Answer;
import domain.shared.Money;
import domain.topup.TopUpStatus;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link PaymentGateway}: the PG's word on a payment, and {@link Answer.Unknown} (never an
 * exception) for anything that is not a final word.
 */
public abstract class PaymentGatewayContract extends PortContract<PaymentGateway> {
    protected PaymentGatewayContract(Supplier<Stores> implementations) {
        super(implementations, Stores::gateway);
    }

    private static String newKey() {
        return "pk-contract-" + UUID.randomUUID();
    }

    private Answer confirm(String paymentKey, long won) {
        return store().confirm(stores().provider(), paymentKey, "ord_" + UUID.randomUUID(), Money.won(won));
    }

    @Test
    void theScriptedProviderIsConfigured() {
        assertTrue(store().providers().contains(stores().provider()));
        assertTrue(store().isConfigured());
    }

    @Test
    void anApprovedPaymentSaysHowMuchThePgTookAndItsStatusSaysTheSame() {
        String key = newKey();
        stores().script(key, Stores.Script.APPROVE, 5_000);

        Answer confirmed = confirm(key, 5_000);
        Answer status = store().status(stores().provider(), key);

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
        stores().script(key, Stores.Script.DECLINE, 5_000);

        Answer confirmed = confirm(key, 5_000);

        assertEquals(
                TopUpStatus.DECLINED,
                assertInstanceOf(Answer.Refused.class, confirmed).outcome());
        assertEquals(
                TopUpStatus.DECLINED,
                assertInstanceOf(Answer.Refused.class, store().status(stores().provider(), key))
                        .outcome());
    }

    @Test
    void aPgInTroubleGivesNoWordAndThrowsNothing() {
        String key = newKey();
        stores().script(key, Stores.Script.FAIL, 5_000);

        assertInstanceOf(Answer.Unknown.class, confirm(key, 5_000));
    }

    @Test
    void aProviderThatIsNotConfiguredGivesNoWord() {
        String key = newKey();
        stores().script(key, Stores.Script.APPROVE, 5_000);

        assertInstanceOf(
                Answer.Unknown.class, store().confirm("nobody", key, "ord_" + UUID.randomUUID(), Money.won(5_000)));
        assertInstanceOf(Answer.Unknown.class, store().status("nobody", key));
    }

    @Test
    void aPaymentThePgNeverSawHasNoStatus() {
        assertInstanceOf(Answer.Unknown.class, store().status(stores().provider(), newKey()));
    }
}
