package contract;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import support.GatewayStandIn;

/**
 * The one profile with payment gateways configured (the default test profile has none, so plain
 * charges keep working there): the stand-in PG as {@code toss}, and an unreachable {@code down}.
 */
public class PaymentGatewayProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GatewayStandIn.Resource.class));
    }
}
