package adapters.config;

import adapters.security.HmacQueueTokenSigner;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
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
import org.flywaydb.core.api.configuration.FluentConfiguration;
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
 * packaged jar, the native executable and tests alike. It also runs as Flyway's configuration
 * customizer, which Quarkus calls before it migrates at start: so it runs before the migration, and
 * a refused start changes nothing in the database (D57). It checks once per process.
 *
 * <p>After the rules, every value object the application is built from (hold policy, queue, job,
 * wallet, relay, sync and reconciliation settings, the ticket signing key) is created: a value its
 * own type refuses ({@code reservation.max-held-per-user=0}, a negative TTL, an RSA key where an
 * Ed25519 key belongs) stops the start with that type's message, instead of failing every request
 * that needs it later (D57).
 */
@ApplicationScoped
public class StartupGuard implements FlywayConfigurationCustomizer {
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
                "mp.jwt.verify.publickey.location",
                StartupGuard::keyLocationHoldsAPublicKey,
                "mp.jwt.verify.publickey.location must hold the identity provider's public key (PEM public key,"
                        + " certificate, JWK or JWK set), not a private key or other content"));
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
        // issue 18: one step's bulk statements share the pool (D69)
        all.add(require(
                "reconciliation.stage-connections",
                c -> c.getOptionalValue("reconciliation.stage-connections", String.class)
                        .map(v -> v.strip().matches("[1-8]"))
                        .orElse(true),
                "reconciliation.stage-connections must be a whole number from 1 to 8"));
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
    public static final int FIRST = Interceptor.Priority.PLATFORM_BEFORE - 1;

    /**
     * The values the application is built from, created at start-up so that one refused by its own
     * type stops the start (each is a {@code @Singleton} or an eager bean, created once either way).
     */
    static final List<Class<?>> SETTINGS = List.of(
            domain.reservation.HoldPolicy.class,
            domain.concert.BookingWindow.class,
            application.booking.BoxOfficeSettings.class,
            application.refund.RefundSettings.class,
            application.shared.PageLimits.class,
            application.queue.port.out.QueueSettings.class,
            application.queue.port.out.OpeningSettings.class,
            application.shared.JobSettings.class,
            application.events.RelaySettings.class,
            application.events.UndeliveredRetention.class,
            application.wallet.WalletSettings.class,
            application.partnersync.PartnerSyncSettings.class,
            application.reconciliation.ReconciliationSettings.class,
            application.ticketing.port.out.TicketCodes.class);

    private final Instance<Object> beans;
    private volatile boolean checked;

    StartupGuard(Instance<Object> beans) {
        this.beans = beans;
    }

    /** Quarkus configures Flyway before it migrates at start: the guard goes first. */
    @Override
    public void customize(FluentConfiguration configuration) {
        check();
    }

    void check(@Observes @Priority(FIRST) StartupEvent event) {
        check();
    }

    private synchronized void check() {
        if (checked) {
            return;
        }
        List<String> problems = problems(ConfigProvider.getConfig(), requirements());
        if (problems.isEmpty()) {
            problems = settingsProblems(beans, SETTINGS);
        }
        if (!problems.isEmpty()) {
            String line = PREFIX + String.join("; ", problems);
            LOG.error(line);
            // Quarkus prints a ConfigurationException's message (no stack trace) and exits with 1
            throw new ConfigurationException(line);
        }
        checked = true;
    }

    /** The messages of the settings objects that could not be created (empty: all are valid). */
    static List<String> settingsProblems(Instance<Object> beans, List<Class<?>> types) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : types) {
            Instance<?> bean = beans.select(type);
            if (!bean.isResolvable()) {
                continue; // not part of this build
            }
            try {
                // a client proxy creates its instance on unwrap; a @Singleton is created by get()
                io.quarkus.arc.ClientProxy.unwrap(bean.get());
            } catch (RuntimeException e) {
                String message = reason(e);
                if (!problems.contains(message)) {
                    problems.add(message);
                }
            }
        }
        return problems;
    }

    /** What the deepest refusing exception says, with the setting it names when it names one. */
    private static String reason(Throwable failure) {
        Throwable t = failure;
        Throwable found = null;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof domain.shared.InvalidValueException
                    || t instanceof IllegalArgumentException
                    || t instanceof IllegalStateException
                    || t instanceof java.io.UncheckedIOException) {
                found = t;
            }
        }
        Throwable shown = found != null ? found : failure;
        if (shown instanceof domain.shared.InvalidValueException invalid) {
            return invalid.field() + ": " + invalid.getMessage();
        }
        return String.valueOf(shown.getMessage());
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

    /**
     * A local key file holds a public key SmallRye JWT can verify with: a PEM public key or
     * certificate, a JWK or a JWK set. A private key PEM parses as none of them.
     */
    private static boolean keyLocationHoldsAPublicKey(Config config) {
        Optional<String> location = value(config, "mp.jwt.verify.publickey.location");
        if (location.isEmpty() || location.get().startsWith("http")) {
            return true;
        }
        String content;
        try {
            content = ResourceUtils.readResource(location.get());
        } catch (java.io.IOException | RuntimeException e) {
            return true; // unreadable is the rule above
        }
        if (content == null || content.isBlank()) {
            return true; // nothing readable is the rule above
        }
        if (content.contains("PRIVATE KEY")) {
            return false;
        }
        String trimmed = content.strip();
        try {
            if (trimmed.startsWith("{")) {
                List<?> keys = io.smallrye.jwt.util.KeyUtils.loadJsonWebKeys(trimmed);
                return keys != null && !keys.isEmpty();
            }
            if (trimmed.contains("CERTIFICATE")) {
                return io.smallrye.jwt.util.KeyUtils.decodeCertificate(trimmed) != null;
            }
            return io.smallrye.jwt.util.KeyUtils.decodePublicKey(trimmed) != null;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
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
