package contracts.ports;

import application.wallet.port.out.PaymentGateway;
import contract.PaymentGatewayProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import support.GatewayStandIn;

/** The Toss adapter against the stand-in PG, in the one existing profile that configures PGs. */
@QuarkusTest
@TestProfile(PaymentGatewayProfile.class)
class TossPaymentGatewayContractTest extends PaymentGatewayContract {
    @Inject
    PaymentGateway gateway;

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
        GatewayStandIn.current()
                .onConfirm(
                        paymentKey,
                        switch (script) {
                            case APPROVE -> GatewayStandIn.Confirm.APPROVE;
                            case DECLINE -> GatewayStandIn.Confirm.DECLINE;
                            case FAIL -> GatewayStandIn.Confirm.FAIL;
                        });
    }
}
