package adapters.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The start-up rules of the partner sync ({@link StartupGuard}): with an app server URL, its bearer
 * token is required, and the URL must be https (plain http only for a loopback host, or with
 * sync.app-server.allow-insecure-http=true). Without a URL the sync is off and nothing is required.
 */
final class PartnerSyncRequirements {
    static final String URL = "sync.app-server.url";
    static final String TOKEN = "sync.app-server.token";
    static final String ALLOW_INSECURE = "sync.app-server.allow-insecure-http";

    private PartnerSyncRequirements() {}

    static boolean tokenWithUrl(Config config) {
        return StartupGuard.value(config, URL).isEmpty()
                || StartupGuard.value(config, TOKEN).isPresent();
    }

    static boolean urlSafe(Config config) {
        Optional<String> url = StartupGuard.value(config, URL);
        if (url.isEmpty()) {
            return true;
        }
        URI uri = URI.create(url.get().trim());
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return false;
        }
        if (scheme.equals("https")) {
            return true;
        }
        if (!scheme.equals("http")) {
            return false;
        }
        return config.getOptionalValue(ALLOW_INSECURE, Boolean.class).orElse(false) || StartupGuard.isLoopback(host);
    }
}
