package adapters.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decorates SmallRye JWT's parser (the one Quarkus' bearer-token identity provider calls for every
 * request) with a {@link VerifiedTokenCache}: a token seen before and not yet expired skips the
 * signature check and the claim parsing. Every other parser method goes straight to SmallRye.
 *
 * <p>{@code auth.jwt-cache.max-entries} (default 20000, 0 disables) bounds it: an entry keeps the
 * parsed token, about 1.8 KB of heap for a typical fan token (measured: 36 MB for 20000), so size
 * it to the fans who poll at once and the heap. A token stays accepted from the cache until its
 * {@code exp} even if the verification key is rotated meanwhile.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {
    private final JWTParser delegate;
    private final VerifiedTokenCache<JsonWebToken> cache;

    @Inject
    CachingJwtParser(
            @Delegate @Any JWTParser delegate,
            @ConfigProperty(name = "auth.jwt-cache.max-entries", defaultValue = "20000") int maxEntries) {
        this.delegate = delegate;
        // the system clock, as SmallRye checks exp against it (not the application's Clock bean)
        this.cache = new VerifiedTokenCache<>(maxEntries, Clock.systemUTC());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = cache.get(token);
        if (cached != null) {
            return cached;
        }
        JsonWebToken verified = delegate.parse(token);
        cache.put(token, verified.getExpirationTime(), verified);
        return verified;
    }
}
