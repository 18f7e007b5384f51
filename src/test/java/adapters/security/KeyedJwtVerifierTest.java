package adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.Tokens;

/**
 * The verified-token cache belongs to one verification key: after the key file changes, a token of
 * the old key that was cached is refused (the same through HTTP against the packaged jar:
 * cluster.StartupGuardIT#aCachedTokenStopsWorkingWhenTheKeyFileChanges).
 */
class KeyedJwtVerifierTest {
    private final VerifiedTokenCacheTest.HandClock clock = new VerifiedTokenCacheTest.HandClock();
    private static final KeyPair oldKey = Tokens.newKeyPair();
    private static final KeyPair newKey = Tokens.newKeyPair();
    private Path keyFile;

    @BeforeEach
    void keyFile() throws Exception {
        keyFile = Files.createTempFile("keyed-verifier", ".pem");
        keyFile.toFile().deleteOnExit();
        Tokens.writeKey(keyFile, Tokens.publicPem(oldKey));
        // HandClock starts in 2027; tokens are checked by SmallRye against the real time
        clock.now = Instant.now();
    }

    /** As SmallRye's configuration provider builds it: a local key location is read into content. */
    private JWTAuthContextInfo context() throws Exception {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyContent(Files.readString(keyFile));
        context.setIssuedBy(Tokens.ISSUER);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        return context;
    }

    private KeyedJwtVerifier verifier(JWTAuthContextInfo context, Duration maxAge) {
        return new KeyedJwtVerifier(
                new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory()),
                context,
                java.util.Optional.of(keyFile.toString()),
                100,
                Duration.ofSeconds(10),
                maxAge,
                clock);
    }

    @Test
    void aCachedTokenOfTheOldKeyIsRefusedOnceTheKeyFileChanges() throws Exception {
        KeyedJwtVerifier verifier = verifier(context(), Duration.ZERO);
        String old = Tokens.signedWith(oldKey.getPrivate(), "fan");
        JsonWebToken first = verifier.parse(old);
        assertSame(first, verifier.parse(old), "served from the cache");
        String before = verifier.fingerprint();

        Tokens.writeKey(keyFile, Tokens.publicPem(newKey));
        clock.advance(Duration.ofSeconds(5));
        assertSame(first, verifier.parse(old), "the file is re-read only every 10 s");
        clock.advance(Duration.ofSeconds(5));

        assertThrows(ParseException.class, () -> verifier.parse(old));
        assertThrows(ParseException.class, () -> verifier.parse(old));
        assertNotEquals(before, verifier.fingerprint());
        String fresh = Tokens.signedWith(newKey.getPrivate(), "fan");
        assertEquals("fan", verifier.parse(fresh).getSubject());
        assertEquals(1, verifier.cached());
    }

    @Test
    void anUnreadableKeyFileKeepsTheKeyReadBefore() throws Exception {
        KeyedJwtVerifier verifier = verifier(context(), Duration.ZERO);
        String old = Tokens.signedWith(oldKey.getPrivate(), "fan");
        JsonWebToken first = verifier.parse(old);
        Files.delete(keyFile);
        clock.advance(Duration.ofSeconds(11));
        assertSame(first, verifier.parse(old));
    }

    @Test
    void anEntryEndsAtTheMaximumTokenAge() throws Exception {
        JWTAuthContextInfo context = context();
        context.setTokenAge(60L);
        KeyedJwtVerifier verifier = verifier(context, Duration.ZERO);
        String token = Tokens.signedWith(oldKey.getPrivate(), "fan"); // iat now, exp in an hour
        JsonWebToken first = verifier.parse(token);
        clock.advance(Duration.ofSeconds(59));
        assertSame(first, verifier.parse(token));
        clock.advance(Duration.ofSeconds(2));
        // past iat + 60 s the cache no longer answers: SmallRye checks the token again
        assertNotSame(first, verifier.parse(token));
    }

    @Test
    void anEntryEndsAfterTheCachesMaximumAge() throws Exception {
        KeyedJwtVerifier verifier = verifier(context(), Duration.ofSeconds(30));
        String token = Tokens.signedWith(oldKey.getPrivate(), "fan");
        JsonWebToken first = verifier.parse(token);
        clock.advance(Duration.ofSeconds(29));
        assertSame(first, verifier.parse(token));
        clock.advance(Duration.ofSeconds(2));
        assertNotSame(first, verifier.parse(token));
    }

    @Test
    void audiencesAreCheckedAndOnlyAcceptedTokensAreCached() throws Exception {
        JWTAuthContextInfo context = context();
        context.setExpectedAudience(Set.of("booking-api"));
        KeyedJwtVerifier verifier = verifier(context, Duration.ZERO);
        String other = Jwt.issuer(Tokens.ISSUER)
                .subject("fan")
                .audience("other-api")
                .expiresIn(3600)
                .sign(oldKey.getPrivate());
        String none = Tokens.signedWith(oldKey.getPrivate(), "fan");
        String ours = Jwt.issuer(Tokens.ISSUER)
                .subject("fan")
                .audience("booking-api")
                .expiresIn(3600)
                .sign(oldKey.getPrivate());

        assertThrows(ParseException.class, () -> verifier.parse(other));
        assertThrows(ParseException.class, () -> verifier.parse(none));
        assertEquals(0, verifier.cached());
        assertEquals("fan", verifier.parse(ours).getSubject());
        assertEquals(1, verifier.cached());
    }
}
