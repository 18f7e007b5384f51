package adapters.config;

import application.partnersync.PartnerSyncSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The sync's settings from configuration. */
public class PartnerSyncProducer {

    @Produces
    @Singleton
    PartnerSyncSettings partnerSyncSettings(PartnerSyncConfig config) {
        return new PartnerSyncSettings(config.batchSize(), config.maxRunTime(), pageTimeout(config.appServer()));
    }

    /**
     * The longest a page may take, its transaction's timeout: every attempt's connect and answer
     * time, the delays between them, and half a minute for the page's reads and writes.
     */
    static Duration pageTimeout(PartnerSyncConfig.AppServer server) {
        int attempts = server.retries() + 1;
        Duration perAttempt = server.connectTimeout().plus(server.timeout());
        Duration delays = Duration.ZERO;
        Duration delay = server.retryDelay();
        for (int i = 0; i < server.retries(); i++) {
            delays = delays.plus(delay);
            delay = delay.multipliedBy(2);
            if (delay.compareTo(server.retryMaxDelay()) > 0) {
                delay = server.retryMaxDelay();
            }
        }
        return perAttempt.multipliedBy(attempts).plus(delays).plusSeconds(30);
    }
}
