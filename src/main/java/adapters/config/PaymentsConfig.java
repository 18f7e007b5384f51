package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;

/**
 * The payment gateways (PGs) that confirm wallet top-ups, by provider name ({@code
 * payments.providers."toss".url}, …). With none, a charge needs no PG (dev, demos).
 */
@ConfigMapping(prefix = "payments")
public interface PaymentsConfig {
    int MAX_PROVIDER_NAME = 32;

    Map<String, Provider> providers();

    interface Provider {
        /** The PG's base URL, e.g. {@code https://api.tosspayments.com}. */
        String url();

        /** The API secret key, sent as {@code Authorization: Basic base64(secretKey + ":")}. */
        @WithName("secret-key")
        String secretKey();

        /**
         * How long a call may take, to connect and to answer. A confirm without an answer by then
         * leaves the top-up PENDING (settled later by a status query or the reconciliation).
         */
        @WithDefault("10s")
        Duration timeout();
    }
}
