package adapters.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Decorates SmallRye JWT's parser (the one Quarkus' bearer-token identity provider calls for every
 * request) with a {@link KeyedJwtVerifier}: a token seen before, not yet expired and verified with
 * the key configured now skips the signature check and the claim parsing. Every other parser method
 * goes straight to SmallRye.
 *
 * <p>A token not seen before is checked by {@link LeanRs256Verifier} (the JDK's RS256 verify and one
 * streaming read of the claims, every check SmallRye makes) when the configuration is one it covers
 * (a PEM RSA key, RS256 only) and {@code auth.jwt.lean-verification} is on (default); any token it
 * does not fully understand, and every token under any other configuration (a JWKS URL, …), goes to
 * SmallRye as before (D63). Either way the result is a {@link VerifiedJwt}: subject, name, groups,
 * issuer, audience, exp, iat — no other claim.
 *
 * <p>{@code auth.jwt-cache.max-entries} (default 20000, 0 disables) bounds the cache: an entry keeps
 * the token string (its key) and a {@link VerifiedJwt}, see docs/performance.md for the heap per
 * entry; size it to the fans who poll at once and the heap. Entries end at the token's {@code exp}, at
 * {@code iat} + {@code mp.jwt.verify.token.age}, after {@code auth.jwt-cache.max-age}, and all at
 * once when the verification key changes ({@code auth.jwt.key-check-interval}).
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {
    private final KeyedJwtVerifier verifier;

    @Inject
    CachingJwtParser(
            @Delegate @Any JWTParser delegate,
            JWTAuthContextInfo context,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineKey,
            @ConfigProperty(name = "auth.jwt-cache.max-entries", defaultValue = "20000") int maxEntries,
            @ConfigProperty(name = "auth.jwt-cache.max-age", defaultValue = "10m") Duration maxAge,
            @ConfigProperty(name = "auth.jwt.key-check-interval", defaultValue = "10s") Duration keyCheckInterval,
            @ConfigProperty(name = "auth.jwt.lean-verification", defaultValue = "true") boolean leanVerification) {
        // the system clock, as SmallRye checks exp against it (not the application's Clock bean)
        // an inline key (it wins over a location in SmallRye) never changes while the process runs
        this.verifier = new KeyedJwtVerifier(
                delegate,
                context,
                inlineKey.isPresent() ? Optional.empty() : keyLocation,
                maxEntries,
                keyCheckInterval,
                maxAge,
                Clock.systemUTC(),
                leanVerification,
                Clock.systemUTC());
        Logger.getLogger(CachingJwtParser.class)
                .infof(
                        "JWT: tokens not seen before are verified by %s",
                        verifier.lean()
                                ? "the lean RS256 path (D63)"
                                : "SmallRye JWT (the lean RS256 path covers only a PEM RSA key with RS256; "
                                        + "auth.jwt.lean-verification=" + leanVerification + ")");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verifier.parse(token);
    }
}
