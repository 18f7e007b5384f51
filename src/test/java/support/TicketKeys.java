package support;

import adapters.security.Ed25519TicketCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The ticket-signing keys of this test run, generated in memory once per JVM (none is kept in the
 * repository), like {@link Tokens}: the signing key ({@link #KEY_ID}) whose private half the
 * application gets as a file, and an older key ({@link #OLD_KEY_ID}) it accepts, as after a
 * rotation. Tests sign codes with either ({@link #codes()}, {@link #oldCodes()}).
 */
public final class TicketKeys {
    public static final String KEY_ID = "T1";
    public static final String OLD_KEY_ID = "T0";
    private static final String PROPERTY = "concert-booking.test.ticket-keys";

    private static final KeyPair[] PAIRS = pairsOfThisRun();

    private TicketKeys() {}

    /** The settings an application under test signs and verifies ticket codes with. */
    public static Map<String, String> settings() {
        return Map.of(
                "tickets.signing.key-id",
                KEY_ID,
                "tickets.signing.private-key-location",
                privateKeyFile().toString(),
                "tickets.signing.accepted-keys." + OLD_KEY_ID,
                publicBase64(PAIRS[1].getPublic()));
    }

    /** Codes as the application under test makes them. */
    public static Ed25519TicketCodes codes() {
        return new Ed25519TicketCodes(KEY_ID, PAIRS[0].getPrivate(), Map.of(OLD_KEY_ID, PAIRS[1].getPublic()));
    }

    /** Codes as the application made them before the rotation (signed with the old key). */
    public static Ed25519TicketCodes oldCodes() {
        return new Ed25519TicketCodes(OLD_KEY_ID, PAIRS[1].getPrivate(), Map.of());
    }

    public static PublicKey publicKey() {
        return PAIRS[0].getPublic();
    }

    /** A new Ed25519 pair. */
    public static KeyPair newPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 PEM, as openssl genpkey writes it. */
    public static String privatePem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    public static String publicBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A new temporary file holding the signing key's private half (PEM). */
    public static Path privateKeyFile() {
        try {
            Path file = Files.createTempFile("cb-test-ticket-key-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, privatePem(PAIRS[0].getPrivate()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One set per JVM even across class loaders (a Quarkus test's and the test resource's). */
    private static KeyPair[] pairsOfThisRun() {
        KeyPair[] mine = {newPair(), newPair()};
        String encoded = encode(mine[0]) + ";" + encode(mine[1]);
        Object published = System.getProperties().putIfAbsent(PROPERTY, encoded);
        if (published == null) {
            return mine;
        }
        String[] pairs = ((String) published).split(";");
        return new KeyPair[] {decode(pairs[0]), decode(pairs[1])};
    }

    private static String encode(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + ","
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    private static KeyPair decode(String encoded) {
        String[] halves = encoded.split(",");
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            return new KeyPair(
                    ed25519.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(halves[0]))),
                    ed25519.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(halves[1]))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
