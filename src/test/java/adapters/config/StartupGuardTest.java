package adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import support.TicketKeys;
import support.Tokens;

/** The start-up rules on plain configurations (the packaged jar's exit: cluster.StartupGuardIT). */
class StartupGuardTest {
    private static final Path KEY = Tokens.publicKeyFile();
    private static final Path TICKET_KEY = TicketKeys.privateKeyFile();

    /** A configuration that passes every start-up rule (shared with the other requirement tests). */
    static Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put("mp.jwt.verify.publickey.location", KEY.toString());
        m.put("mp.jwt.verify.issuer", "https://idp.example");
        m.put("queue.token-secret", "0123456789abcdef0123456789abcdef");
        m.put("tickets.signing.private-key-location", TICKET_KEY.toString());
        return m;
    }

    static List<String> problems(Map<String, String> settings) {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build();
        return StartupGuard.problems(config, StartupGuard.requirements());
    }

    @Test
    void aKeyAndAnIssuerAreEnough() {
        assertEquals(List.of(), problems(valid()));
    }

    @Test
    void withoutKeyAndIssuerBothAreNamed() {
        List<String> problems = problems(Map.of(
                "queue.token-secret",
                "0123456789abcdef0123456789abcdef",
                "tickets.signing.private-key",
                "MC4CAQAwBQYDK2VwBCIEIA=="));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("set mp.jwt.verify.publickey.location"), problems.toString());
        assertTrue(problems.get(1).startsWith("set mp.jwt.verify.issuer"), problems.toString());
    }

    @Test
    void aQueueTokenSecretOfAtLeast32CharactersIsRequired() {
        Map<String, String> missing = valid();
        missing.remove("queue.token-secret");
        assertEquals(1, problems(missing).size());
        assertTrue(
                problems(missing).get(0).startsWith("set queue.token-secret"),
                problems(missing).toString());

        Map<String, String> shortOne = valid();
        shortOne.put("queue.token-secret", "0123456789abcdef0123456789abcde");
        assertEquals(1, problems(shortOne).size(), problems(shortOne).toString());
    }

    @Test
    void aTicketSigningKeyIsRequiredAsAReadableFileOrInline() {
        Map<String, String> missing = valid();
        missing.remove("tickets.signing.private-key-location");
        assertEquals(
                List.of("set tickets.signing.private-key-location (an Ed25519 private key, PKCS#8 PEM: openssl"
                        + " genpkey -algorithm ed25519) or tickets.signing.private-key; it signs ticket codes"),
                problems(missing));

        Map<String, String> inline = valid();
        inline.remove("tickets.signing.private-key-location");
        inline.put(
                "tickets.signing.private-key",
                TicketKeys.privatePem(TicketKeys.newPair().getPrivate()));
        assertEquals(List.of(), problems(inline));

        Map<String, String> unreadable = valid();
        unreadable.put(
                "tickets.signing.private-key-location",
                TICKET_KEY.resolveSibling("no-such-ticket-key.pem").toString());
        assertEquals(List.of("tickets.signing.private-key-location names no readable file"), problems(unreadable));
    }

    @Test
    void anInlineKeyCountsAndABlankOneDoesNot() {
        Map<String, String> inline = valid();
        inline.remove("mp.jwt.verify.publickey.location");
        inline.put("mp.jwt.verify.publickey", "MIIB...");
        assertEquals(List.of(), problems(inline));

        Map<String, String> blank = valid();
        blank.put("mp.jwt.verify.publickey.location", " ");
        assertEquals(1, problems(blank).size());
    }

    @Test
    void aKeyFileThatIsNotThereIsRefused() {
        Map<String, String> missing = valid();
        missing.put(
                "mp.jwt.verify.publickey.location",
                KEY.resolveSibling("no-such-key.pem").toString());
        assertEquals(
                List.of("mp.jwt.verify.publickey.location names nothing readable (a file path, classpath: or https:"
                        + " URL)"),
                problems(missing));
    }

    @Test
    void aJwksUrlIsNotFetchedAtStartUp() {
        Map<String, String> jwks = valid();
        jwks.put("mp.jwt.verify.publickey.location", "https://idp.invalid/jwks");
        assertEquals(List.of(), problems(jwks));
    }

    @Test
    void aWebhookNeedsASecret() {
        Map<String, String> m = valid();
        m.put("events.webhook.url", "https://events.example/in");
        assertEquals(1, problems(m).size());
        assertTrue(problems(m).get(0).startsWith("set events.webhook.secret"));
        m.put("events.webhook.secret", "");
        assertEquals(1, problems(m).size());
        m.put("events.webhook.secret", "s3cret");
        assertEquals(List.of(), problems(m));
    }

    @Test
    void aWebhookIsHttpsUnlessOnLoopbackOrExplicitlyAllowed() {
        Map<String, String> m = valid();
        m.put("events.webhook.secret", "s3cret");
        for (String refused : List.of(
                "http://events.example/in", "http://10.0.0.7:8080/in", "ftp://events.example/in", "events.example")) {
            m.put("events.webhook.url", refused);
            assertEquals(1, problems(m).size(), refused);
            assertTrue(problems(m).get(0).startsWith("events.webhook.url must be an https URL"), refused);
        }
        for (String allowed : List.of(
                "https://events.example/in",
                "http://127.0.0.1:9000/in",
                "http://localhost/in",
                "http://[::1]:9000/in")) {
            m.put("events.webhook.url", allowed);
            assertEquals(List.of(), problems(m), allowed);
        }
        m.put("events.webhook.url", "http://events.example/in");
        m.put("events.webhook.allow-insecure-http", "true");
        assertEquals(List.of(), problems(m));
    }

    @Test
    void theReconciliationsStageConnectionsAreOneToEight() {
        for (String ok : List.of("1", "2", "8")) {
            Map<String, String> settings = valid();
            settings.put("reconciliation.stage-connections", ok);
            assertEquals(List.of(), problems(settings), ok);
        }
        for (String bad : List.of("0", "9", "-1", "two")) {
            Map<String, String> settings = valid();
            settings.put("reconciliation.stage-connections", bad);
            assertEquals(
                    List.of("reconciliation.stage-connections must be a whole number from 1 to 8"),
                    problems(settings),
                    bad);
        }
    }

    @Test
    void aRuleThatThrowsCountsAsUnmet() {
        assertEquals(
                List.of("set x"),
                StartupGuard.problems(
                        new SmallRyeConfigBuilder().build(),
                        List.of(StartupGuard.require(
                                "x",
                                c -> {
                                    throw new IllegalStateException();
                                },
                                "set x"))));
    }

    @Test
    void loopbackIsDecidedWithoutResolvingNames() {
        assertTrue(StartupGuard.isLoopback("127.8.9.10"));
        assertFalse(StartupGuard.isLoopback("127.example.com"));
        assertFalse(StartupGuard.isLoopback("localhost.example.com"));
    }

    @Test
    void theVerificationKeyMustBeAPublicKeyNotAPrivateOne() throws Exception {
        // an operator who mounts the wrong half of the pair would otherwise start and refuse every token
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        java.security.KeyPair pair = rsa.generateKeyPair();
        Path privatePem = java.nio.file.Files.createTempFile("jwt-private", ".pem");
        Path publicPem = java.nio.file.Files.createTempFile("jwt-public", ".pem");
        Path garbage = java.nio.file.Files.createTempFile("jwt-garbage", ".pem");
        try {
            java.nio.file.Files.writeString(
                    privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            java.nio.file.Files.writeString(
                    publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            java.nio.file.Files.writeString(garbage, "not a key at all");

            Map<String, String> settings = valid();
            settings.put("mp.jwt.verify.publickey.location", privatePem.toString());
            assertEquals(
                    List.of("mp.jwt.verify.publickey.location must hold the identity provider's public key (PEM public"
                            + " key, certificate, JWK or JWK set), not a private key or other content"),
                    problems(settings));
            settings.put("mp.jwt.verify.publickey.location", garbage.toString());
            assertEquals(1, problems(settings).size(), problems(settings).toString());
            settings.put("mp.jwt.verify.publickey.location", publicPem.toString());
            assertEquals(List.of(), problems(settings));
        } finally {
            java.nio.file.Files.deleteIfExists(privatePem);
            java.nio.file.Files.deleteIfExists(publicPem);
            java.nio.file.Files.deleteIfExists(garbage);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void theReportNeedsASenderARealMailerAndAnHttpsWebhook() {
        Map<String, String> report = valid();
        report.put("reconciliation.report.to", "finance@example.com");
        assertEquals(
                List.of(
                        "set reconciliation.report.from (the report e-mail's sender) or unset reconciliation.report.to"),
                problems(report));
        report.put("reconciliation.report.from", "recon@example.com");
        assertEquals(List.of(), problems(report));
        report.put("quarkus.mailer.mock", "true");
        assertTrue(
                problems(report).getFirst().startsWith("quarkus.mailer.mock=true would swallow"),
                problems(report).toString());
        report.remove("quarkus.mailer.mock");
        report.put("reconciliation.report.webhook-url", "http://chat.example.com/hooks/x");
        assertEquals(
                List.of("reconciliation.report.webhook-url must be an https URL (plain http only for a loopback host)"),
                problems(report));
        report.put("reconciliation.report.webhook-url", "http://127.0.0.1:8080/hooks/x");
        assertEquals(List.of(), problems(report));
        report.put("reconciliation.report.webhook-url", "https://hooks.slack.com/services/x");
        assertEquals(List.of(), problems(report));
    }
}
