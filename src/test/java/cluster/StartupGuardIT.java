package cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import support.Http;
import support.TestInfrastructure;
import support.Tokens;

/**
 * Issue 15.3 through the packaged application in the prod profile (its own processes, so each test
 * chooses the settings): no key, an unsafe webhook or a missing webhook secret stop the start with
 * one line and a non-zero exit; audiences are enforced; replacing the key file ends the cached
 * verifications of the old key. And 15.8's part: no Swagger UI in prod, the OpenAPI document stays.
 */
class StartupGuardIT {
    private static final String DATABASE =
            "cb_it_keys_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX =
            "cb-it-keys-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    /** A refused start must end well within this (the JVM start itself takes a few seconds). */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @BeforeAll
    static void database() throws Exception {
        TestInfrastructure.createDatabase(DATABASE);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        TestInfrastructure.dropDatabase(DATABASE);
        TestInfrastructure.deleteRedisKeys(PREFIX);
    }

    /** The stores only: no verification key, no issuer, no queue-token secret (the prod profile defines none). */
    private static Map<String, String> storesOnly() throws java.io.IOException {
        Map<String, String> config = Cluster.config(DATABASE, PREFIX);
        config.remove("mp.jwt.verify.publickey.location");
        config.remove("mp.jwt.verify.issuer");
        config.remove("queue.token-secret");
        return config;
    }

    private static Map<String, String> withKey(Path publicKey) throws java.io.IOException {
        Map<String, String> config = Cluster.config(DATABASE, PREFIX);
        config.put("mp.jwt.verify.publickey.location", publicKey.toString());
        return config;
    }

    private static void assertRefused(AppInstance.Exit exit, String expectedLine) {
        assertNotEquals(0, exit.code(), exit.log());
        String line = exit.log()
                .lines()
                .filter(l -> l.contains("ERROR") && l.contains("Refusing to start: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ERROR line 'Refusing to start: ' in\n" + exit.log()));
        assertTrue(line.contains(expectedLine), line);
        assertFalse(exit.log().contains("Listening on"), "the HTTP server never opened:\n" + exit.log());
    }

    @Test
    void theProdProfileWithoutAVerificationKeyRefusesToStart() throws Exception {
        Instant start = Instant.now();
        AppInstance.Exit exit = AppInstance.startExpectingExit("keys-none", storesOnly(), DEADLINE);

        assertRefused(
                exit,
                "Refusing to start: set mp.jwt.verify.publickey.location (a PEM file or the identity provider's"
                        + " JWKS URL) or mp.jwt.verify.publickey; set mp.jwt.verify.issuer");
        assertRefused(exit, "; set queue.token-secret to at least 32 characters");
        assertTrue(Duration.between(start, Instant.now()).compareTo(DEADLINE) < 0);
    }

    @Test
    void theProdProfileWithoutATicketSigningKeyRefusesToStart() throws Exception {
        Map<String, String> config = withKey(Tokens.publicKeyFile());
        config.remove("tickets.signing.private-key-location");

        assertRefused(
                AppInstance.startExpectingExit("keys-no-ticket-key", config, DEADLINE),
                "Refusing to start: set tickets.signing.private-key-location (an Ed25519 private key, PKCS#8 PEM:"
                        + " openssl genpkey -algorithm ed25519) or tickets.signing.private-key; it signs ticket codes");
    }

    @Test
    void aRefusedStartLeavesTheDatabaseUntouched() throws Exception {
        // the guard runs before Flyway (as its configuration customizer): nothing was migrated
        String fresh = "cb_it_keys_fresh_" + UUID.randomUUID().toString().substring(0, 8);
        TestInfrastructure.createDatabase(fresh);
        try {
            Map<String, String> config = Cluster.config(fresh, PREFIX);
            config.remove("queue.token-secret");

            assertRefused(
                    AppInstance.startExpectingExit("keys-untouched", config, DEADLINE),
                    "Refusing to start: set queue.token-secret");
            assertFalse(
                    TestInfrastructure.tableExists(fresh, "flyway_schema_history"),
                    "a refused start must not migrate the database");
        } finally {
            TestInfrastructure.dropDatabase(fresh);
        }
    }

    @Test
    void aSettingItsOwnTypeRefusesStopsTheStartWithOneLine() throws Exception {
        Map<String, String> config = withKey(Tokens.publicKeyFile());
        config.put("reservation.max-held-per-user", "0");
        config.put("reservation.hold-ttl", "-5m");

        AppInstance.Exit exit = AppInstance.startExpectingExit("keys-bad-settings", config, DEADLINE);

        assertRefused(exit, "Refusing to start: reservation.hold-ttl: the hold TTL must be positive");
        assertFalse(exit.log().contains("\tat "), "no stack trace:\n" + exit.log());
    }

    @Test
    void aMalformedTicketKeyIdStopsTheStartWithOneLine() throws Exception {
        Map<String, String> config = withKey(Tokens.publicKeyFile());
        config.put("tickets.signing.key-id", "k1");

        AppInstance.Exit exit = AppInstance.startExpectingExit("keys-bad-ticket-id", config, DEADLINE);

        assertRefused(exit, "tickets.signing.key-id must be 1 to 8 characters of A-Z and 0-9, not 'k1'");
        assertFalse(exit.log().contains("\tat "), "no stack trace:\n" + exit.log());
    }

    @Test
    void aPlainHttpWebhookOnAnotherHostRefusesToStart() throws Exception {
        Map<String, String> config = withKey(Tokens.publicKeyFile());
        config.put("events.webhook.url", "http://events.example.com/in");
        config.put("events.webhook.secret", "s3cret");

        assertRefused(
                AppInstance.startExpectingExit("keys-http-webhook", config, DEADLINE),
                "events.webhook.url must be an https URL (plain http only for a loopback host, or with"
                        + " events.webhook.allow-insecure-http=true)");
    }

    @Test
    void aWebhookWithoutASecretRefusesToStart() throws Exception {
        Map<String, String> config = withKey(Tokens.publicKeyFile());
        config.put("events.webhook.url", "https://events.example.com/in");
        config.put("events.webhook.secret", "");

        assertRefused(
                AppInstance.startExpectingExit("keys-no-secret", config, DEADLINE),
                "set events.webhook.secret (the HMAC key the receiver checks) or unset events.webhook.url");
    }

    @Test
    void audiencesAreEnforcedAndACachedTokenStopsWorkingWhenTheKeyFileChanges() throws Exception {
        Path keyFile = Files.createTempFile("cb-it-keys", ".pem");
        keyFile.toFile().deleteOnExit();
        KeyPair oldKey = Tokens.newKeyPair();
        Tokens.writeKey(keyFile, Tokens.publicPem(oldKey));
        Map<String, String> config = withKey(keyFile);
        config.put("mp.jwt.verify.audiences", "booking-api");
        config.put("auth.jwt.key-check-interval", "1s");

        try (AppInstance app = AppInstance.start("keys-rotation", config)) {
            String ours = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER)
                    .subject(Tokens.newUserId())
                    .audience("booking-api")
                    .groups(java.util.Set.of("user"))
                    .expiresIn(3600)
                    .sign(oldKey.getPrivate());
            String otherAudience = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER)
                    .subject(Tokens.newUserId())
                    .audience("another-api")
                    .groups(java.util.Set.of("user"))
                    .expiresIn(3600)
                    .sign(oldKey.getPrivate());
            String noAudience = Tokens.signedWith(oldKey.getPrivate(), Tokens.newUserId());

            // issue 15.8: the prod profile serves the OpenAPI document but not Swagger UI
            assertEquals(
                    200,
                    Http.send(app.base(), "GET", "/q/openapi?format=json", ours, Map.of(), null)
                            .statusCode());
            assertEquals(
                    404,
                    Http.send(app.base(), "GET", "/q/swagger-ui/", ours, Map.of(), null)
                            .statusCode());

            assertEquals(200, wallet(app, ours).statusCode());
            assertEquals(200, wallet(app, ours).statusCode()); // now served from the verified-token cache
            assertEquals(401, wallet(app, otherAudience).statusCode());
            assertEquals(401, wallet(app, noAudience).statusCode());

            KeyPair newKey = Tokens.newKeyPair();
            Tokens.writeKey(keyFile, Tokens.publicPem(newKey));
            Instant deadline = Instant.now().plusSeconds(30);
            int status = 200;
            while (status == 200 && Instant.now().isBefore(deadline)) {
                status = wallet(app, ours).statusCode();
                if (status == 200) {
                    LockSupport.parkNanos(200_000_000); // between polls, not a wait for a result
                }
            }
            assertEquals(401, status, "the old key's cached token is refused after the key file changed");
            assertEquals(401, wallet(app, ours).statusCode());
            String fresh = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER)
                    .subject(Tokens.newUserId())
                    .audience("booking-api")
                    .groups(java.util.Set.of("user"))
                    .expiresIn(3600)
                    .sign(newKey.getPrivate());
            assertEquals(200, wallet(app, fresh).statusCode());
        }
    }

    private static HttpResponse<String> wallet(AppInstance app, String bearer) {
        return Http.send(app.base(), "GET", "/api/v1/wallet", bearer, Map.of(), null);
    }
}
