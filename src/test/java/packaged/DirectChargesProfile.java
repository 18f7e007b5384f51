package packaged;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The packaged app (prod profile) with plain {@code {amount}} charges switched on explicitly, for
 * tests that need money in a wallet without a payment gateway. The prod default is off
 * ({@link MoneyDefaultsIT}).
 */
public class DirectChargesProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("wallet.direct-charges.enabled", "true");
    }
}
