package contracts.ports;

import application.fakes.FakePaymentGateway;
import application.wallet.port.out.PaymentGateway;
import application.wallet.port.out.PaymentGateway.Answer;
import domain.shared.Money;
import domain.topup.TopUpStatus;
import java.time.Instant;

class FakePaymentGatewayContractTest extends PaymentGatewayContract {
    private final FakePaymentGateway gateway = new FakePaymentGateway("toss");

    @Override
    protected PaymentGateway gateway() {
        return gateway;
    }

    @Override
    protected String provider() {
        return "toss";
    }

    @Override
    protected void script(String paymentKey, Script script, long won) {
        gateway.onConfirm(
                paymentKey,
                switch (script) {
                    case APPROVE -> new Answer.Approved(Money.won(won), Instant.parse("2031-01-01T00:00:00Z"));
                    case DECLINE -> new Answer.Refused(TopUpStatus.DECLINED, "REJECT_CARD_COMPANY", "refused");
                    case FAIL -> new Answer.Unknown("HTTP 500");
                });
    }
}
