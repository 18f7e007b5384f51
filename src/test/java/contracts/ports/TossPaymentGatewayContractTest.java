package contracts.ports;

import contract.PaymentGatewayProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PaymentGatewayProfile.class)
class TossPaymentGatewayContractTest extends PaymentGatewayContract {
    /** TossPaymentGateway against the stand-in PG of the one profile that configures PGs (no new profile). */
    TossPaymentGatewayContractTest() {
        super(Stores::real);
    }
}
