package adapters.config;

import adapters.security.HmacQueueTokenSigner;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses to start the service when a setting it cannot run safely without is missing or unsafe, in
 * every profile: one ERROR line {@code Refusing to start: <what to set>; <what to set>} and a
 * non-zero exit, before the HTTP server opens and before the scheduler starts (the observer runs
 * ahead of Quarkus' own StartupEvent observers).
 *
 * <p>The rules are {@link Requirement}s: a key, a test of the whole configuration and the message
 * that tells the operator what to set. A feature that needs a setting adds one line to
 * {@link #requirements()}: {@code require("queue.token-secret", present("queue.token-secret"), "set
 * queue.token-secret (...)")}. Checks read raw {@link Config} values, so they work for any key
 * (a {@code @ConfigMapping} would fail earlier with SmallRye's own message, but cannot say "this or
 * that" nor "only when that other key is set").
 *
 * <p>Written here rather than as config-mapping validation: the rules are conditional (a secret only
 * when a URL is set), and a StartupEvent observer is the earliest application hook that runs in the
 * packaged jar, the native executable and tests alike. It runs after Flyway (which only migrates).
 */
@ApplicationScoped
public class StartupGuard {
    private static final Logger LOG = Logger.getLogger(StartupGuard.class);
    static final String PREFIX = "Refusing to start: ";

    /** A setting the service will not start without: {@code satisfied} tests the configuration. */
    public record Requirement(String key, Predicate<Config> satisfied, String message) {}

    /** Every rule, in the order their messages are printed. Add a feature's rule here. */
    static List<Requirement> requirements() {
        List<Requirement> all = new ArrayList<>();
        // issue 15.3: no default verification key; the identity provider's key and issuer must be named
        all.add(require(
                "mp.jwt.verify.publickey.location",
                anyPresent("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey"),
                "set mp.jwt.verify.publickey.location (a PEM file or the identity provider's JWKS URL)"
                        + " or mp.jwt.verify.publickey"));
        all.add(require(
                "mp.jwt.verify.publickey.location",
                StartupGuard::keyLocationReadable,
                "mp.jwt.verify.publickey.location names nothing readable (a file path, classpath: or https: URL)"));
        all.add(require(
                "mp.jwt.verify.issuer",
                present("mp.jwt.verify.issuer"),
                "set mp.jwt.verify.issuer (the iss of the identity provider's tokens)"));
        // issue 15.3: events leave only signed, and only over TLS
        all.add(require(
                "events.webhook.secret",
                c -> value(c, "events.webhook.url").isEmpty()
                        || value(c, "events.webhook.secret").isPresent(),
                "set events.webhook.secret (the HMAC key the receiver checks) or unset events.webhook.url"));
        all.add(require(
                "events.webhook.url",
                StartupGuard::webhookUrlSafe,
                "events.webhook.url must be an https URL (plain http only for a loopback host, or with"
                        + " events.webhook.allow-insecure-http=true)"));
        // issue 15.6: queue tokens are signed; a short key would make them forgeable
        all.add(require(
                "queue.token-secret",
                c -> value(c, "queue.token-secret")
                        .map(v -> v.strip().length() >= HmacQueueTokenSigner.MIN_SECRET_LENGTH)
                        .orElse(false),
                "set queue.token-secret to at least " + HmacQueueTokenSigner.MIN_SECRET_LENGTH
                        + " characters of random text (e.g. openssl rand -base64 32); it signs queue tokens"));
        // issue 16.3: ticket codes are signed with an Ed25519 key; none is packaged
        all.add(require(
                "tickets.signing.private-key-location",
                anyPresent("tickets.signing.private-key-location", "tickets.signing.private-key"),
                "set tickets.signing.private-key-location (an Ed25519 private key, PKCS#8 PEM: openssl genpkey"
                        + " -algorithm ed25519) or tickets.signing.private-key; it signs ticket codes"));
        all.add(require(
                "tickets.signing.private-key-location",
                c -> value(c, "tickets.signing.private-key-location")
                        .map(file -> java.nio.file.Files.isReadable(java.nio.file.Path.of(file)))
                        .orElse(true),
                "tickets.signing.private-key-location names no readable file"));
        // issue 17: bookings go to the membership app server only with its token, and only over TLS
        all.add(require(
                PartnerSyncRequirements.TOKEN,
                PartnerSyncRequirements::tokenWithUrl,
                "set sync.app-server.token (the app server's bearer secret) or unset sync.app-server.url"));
        all.add(require(
                PartnerSyncRequirements.URL,
                PartnerSyncRequirements::urlSafe,
                "sync.app-server.url must be an https URL (plain http only for a loopback host, or with"
                        + " sync.app-server.allow-insecure-http=true)"));
        // issue 18.6: the run report goes out by e-mail through a real SMTP server, to a chat over TLS
        all.add(require(
                "reconciliation.report.from",
                c -> value(c, "reconciliation.report.to").isEmpty()
                        || value(c, "reconciliation.report.from").isPresent(),
                "set reconciliation.report.from (the report e-mail's sender) or unset reconciliation.report.to"));
        all.add(require(
                "quarkus.mailer.mock",
                c -> value(c, "reconciliation.report.to").isEmpty()
                        || !c.getOptionalValue("quarkus.mailer.mock", Boolean.class)
                                .orElse(false),
                "quarkus.mailer.mock=true would swallow the report e-mails to reconciliation.report.to: set"
                        + " quarkus.mailer.host (and port, credentials) of a real SMTP server"));
        all.add(require(
                "reconciliation.report.webhook-url",
                c -> httpsOrLoopback(value(c, "reconciliation.report.webhook-url"), false),
                "reconciliation.report.webhook-url must be an https URL (plain http only for a loopback host)"));
        return all;
    }

    /** A rule: start-up is refused with {@code message} unless {@code satisfied} holds. */
    public static Requirement require(String key, Predicate<Config> satisfied, String message) {
        return new Requirement(key, satisfied, message);
    }

    /** The key has a non-blank value. */
    public static Predicate<Config> present(String key) {
        return c -> value(c, key).isPresent();
    }

    /** At least one of the keys has a non-blank value. */
    public static Predicate<Config> anyPresent(String... keys) {
        return c -> List.of(keys).stream().anyMatch(k -> value(c, k).isPresent());
    }

    /** The messages of the requirements {@code config} does not meet (empty: it may start). */
    static List<String> problems(Config config, List<Requirement> requirements) {
        List<String> problems = new ArrayList<>();
        for (Requirement r : requirements) {
            boolean ok;
            try {
                ok = r.satisfied().test(config);
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok && !problems.contains(r.message())) {
                problems.add(r.message());
            }
        }
        return problems;
    }

    /** Before every other start-up observer; Quarkus' scheduler starts at PLATFORM_BEFORE. */
    static final int FIRST = Interceptor.Priority.PLATFORM_BEFORE - 1;

    void check(@Observes @Priority(FIRST) StartupEvent event) {
        List<String> problems = problems(ConfigProvider.getConfig(), requirements());
        if (!problems.isEmpty()) {
            String line = PREFIX + String.join("; ", problems);
            LOG.error(line);
            // Quarkus prints a ConfigurationException's message (no stack trace) and exits with 1
            throw new ConfigurationException(line);
        }
    }

    static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }

    private static boolean keyLocationReadable(Config config) {
        Optional<String> location = value(config, "mp.jwt.verify.publickey.location");
        if (location.isEmpty() || location.get().startsWith("http")) {
            return true; // absent is the rule above; a JWKS URL is fetched (and refreshed) by SmallRye JWT
        }
        try {
            String content = ResourceUtils.readResource(location.get());
            return content != null && !content.isBlank();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private static boolean webhookUrlSafe(Config config) {
        return httpsOrLoopback(
                value(config, "events.webhook.url"),
                config.getOptionalValue("events.webhook.allow-insecure-http", Boolean.class)
                        .orElse(false));
    }

    /** Absent, https, or plain http to a loopback host (or anywhere when {@code insecureAllowed}). */
    static boolean httpsOrLoopback(Optional<String> url, boolean insecureAllowed) {
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
        return insecureAllowed || isLoopback(host);
    }

    /** Literal loopback names only: nothing is resolved at start-up. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("[::1]") || h.equals("::1");
    }
}
