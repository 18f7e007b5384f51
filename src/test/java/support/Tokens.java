package support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens signed with the dev key pair (trusted by the test profile), and broken ones. */
public final class Tokens {
    public static final String ISSUER = "concert-booking-dev";
    private static final PrivateKey DEV_KEY = load();

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
        return Jwt.issuer(ISSUER)
                .subject("ops-" + UUID.randomUUID())
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

    private static PrivateKey load() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("dev/jwt/dev-private.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("dev/jwt/dev-private.pem must be readable from the project root", e);
        }
    }
}
