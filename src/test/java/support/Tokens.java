package support;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens signed with this test run's key pair, and broken ones. The pair is generated in
 * memory once per JVM (no key is kept in the repository); {@link #publicKeyFile()} writes its public
 * half to a file that {@link TestInfrastructure} and the cluster ITs give the application as
 * {@code mp.jwt.verify.publickey.location}.
 */
public final class Tokens {
    public static final String ISSUER = "concert-booking-dev";
    /**
     * One pair per JVM even when this class is loaded by more than one class loader (a Quarkus
     * test's and the test resource's): the first to get here publishes its private key in a system
     * property, everyone else uses that one.
     */
    private static final String KEY_PROPERTY = "concert-booking.test.jwt-private-key";

    private static final KeyPair PAIR = pairOfThisRun();
    private static final PrivateKey DEV_KEY = PAIR.getPrivate();

    private Tokens() {}

    public static String newUserId() {
        return "user-" + UUID.randomUUID();
    }

    public static String user(String sub) {
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .groups(Set.of("user"))
                .expiresIn(3600)
                .sign(DEV_KEY);
    }

    public static String admin() {
        return admin("ops-" + UUID.randomUUID());
    }

    /** An admin's token with a subject the test knows (who resolved a case). */
    public static String admin(String sub) {
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .groups(Set.of("user", "admin"))
                .expiresIn(3600)
                .sign(DEV_KEY);
    }

    public static String expired(String sub) {
        Instant past = Instant.now().minusSeconds(7200);
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .groups(Set.of("user"))
                .issuedAt(past)
                .expiresAt(past.plusSeconds(60))
                .sign(DEV_KEY);
    }

    /** A valid user token whose {@code exp} is {@code at} (seconds are what a JWT keeps). */
    public static String expiringAt(String sub, Instant at) {
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .groups(Set.of("user"))
                .issuedAt(Instant.now())
                .expiresAt(at)
                .sign(DEV_KEY);
    }

    /** A user token issued at {@code at} (in the future, say), valid for an hour from then. */
    public static String issuedAt(String sub, Instant at) {
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .groups(Set.of("user"))
                .issuedAt(at)
                .expiresAt(at.plusSeconds(3600))
                .sign(DEV_KEY);
    }

    public static String wrongIssuer(String sub) {
        return Jwt.issuer("someone-else")
                .subject(sub)
                .groups(Set.of("user"))
                .expiresIn(3600)
                .sign(DEV_KEY);
    }

    public static String signedByAnotherKey(String sub) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER)
                    .subject(sub)
                    .groups(Set.of("user"))
                    .expiresIn(3600)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String withSubject(String sub) {
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .groups(Set.of("user"))
                .expiresIn(3600)
                .sign(DEV_KEY);
    }

    /** A user token with an {@code aud} claim. */
    public static String withAudience(String sub, String audience) {
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .audience(audience)
                .groups(Set.of("user"))
                .expiresIn(3600)
                .sign(DEV_KEY);
    }

    /** A user token signed with {@code key} (another pair than this run's). */
    public static String signedWith(PrivateKey key, String sub) {
        return Jwt.issuer(ISSUER)
                .subject(sub)
                .groups(Set.of("user"))
                .expiresIn(3600)
                .sign(key);
    }

    /** A new RSA 2048 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of {@code pair} as PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public static String publicPem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Writes {@code pem} to {@code file} (replacing it atomically, as a secret mount would). */
    public static void writeKey(Path file, String pem) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
            Files.writeString(tmp, pem);
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new temporary file holding the public half of this run's key pair: the value for
     * {@code mp.jwt.verify.publickey.location} of an application under test.
     */
    public static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("cb-test-jwt-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, publicPem(PAIR));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair pairOfThisRun() {
        KeyPair mine = newKeyPair();
        String encoded = Base64.getEncoder().encodeToString(mine.getPrivate().getEncoded());
        Object published = System.getProperties().putIfAbsent(KEY_PROPERTY, encoded);
        if (published == null) {
            return mine;
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode((String) published)));
            return new KeyPair(
                    rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gate keeper's token (group {@code staff}): checks tickets in, nothing of an admin's. */
    public static String staff() {
        return Jwt.issuer(ISSUER)
                .subject("gate-" + UUID.randomUUID())
                .groups(Set.of("user", "staff"))
                .expiresIn(3600)
                .sign(DEV_KEY);
    }
}
