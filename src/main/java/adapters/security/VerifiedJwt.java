package adapters.security;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified bearer token reduced to what the service and Quarkus read from it: {@code sub} (the
 * caller, {@code adapters.rest.CurrentUser}, {@code SubjectCheck}, the rate limiter), the principal
 * name ({@code upn}, else {@code preferred_username}, else {@code sub}, as SmallRye names it),
 * {@code groups} (Quarkus maps them to roles), {@code iss}, {@code aud}, {@code exp} and {@code iat}
 * (the verified-token cache) and the raw token (the same string instance the cache is keyed by, so
 * it costs no heap). Every other claim of the token is dropped: {@link #getClaim} answers null for
 * it. This is what the verified-token cache keeps per entry (D63); SmallRye's parsed token (the
 * whole claim map, the jose4j context) is about ten times as large.
 */
public final class VerifiedJwt implements JsonWebToken {
    private final String raw;
    private final String subject;
    private final String name;
    private final Set<String> groups;
    private final String issuer;
    private final Set<String> audience;
    private final long expiresAt;
    private final long issuedAt;

    VerifiedJwt(
            String raw,
            String subject,
            String name,
            Set<String> groups,
            String issuer,
            Set<String> audience,
            long expiresAt,
            long issuedAt) {
        this.raw = raw;
        this.subject = subject;
        this.name = name;
        this.groups = groups;
        this.issuer = issuer;
        this.audience = audience;
        this.expiresAt = expiresAt;
        this.issuedAt = issuedAt;
    }

    /** The same facts, copied from a token SmallRye parsed (the path for tokens the lean check hands on). */
    static VerifiedJwt copyOf(JsonWebToken token, String raw, GroupSets groupSets) {
        Set<String> groups = token.getGroups();
        Set<String> audience = token.getAudience();
        return new VerifiedJwt(
                raw,
                token.getSubject(),
                token.getName(),
                groupSets.canonical(groups == null ? Set.of() : new LinkedHashSet<>(groups)),
                token.getIssuer(),
                audience == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(audience)),
                token.getExpirationTime(),
                token.getIssuedAtTime());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getSubject() {
        return subject;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    @Override
    public String getIssuer() {
        return issuer;
    }

    @Override
    public Set<String> getAudience() {
        return audience;
    }

    @Override
    public long getExpirationTime() {
        return expiresAt;
    }

    @Override
    public long getIssuedAtTime() {
        return issuedAt;
    }

    @Override
    public String getRawToken() {
        return raw;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Claims c : new Claims[] {
            Claims.raw_token, Claims.sub, Claims.groups, Claims.iss, Claims.aud, Claims.exp, Claims.iat
        }) {
            if (value(c.name()) != null) {
                names.add(c.name());
            }
        }
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) value(claimName);
    }

    private Object value(String claimName) {
        return switch (claimName) {
            case "raw_token" -> raw;
            case "sub" -> subject;
            case "groups" -> groups;
            case "iss" -> issuer;
            case "aud" -> audience;
            case "exp" -> expiresAt > 0 ? expiresAt : null;
            case "iat" -> issuedAt > 0 ? issuedAt : null;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "VerifiedJwt[sub=" + subject + ", groups=" + groups + ", exp=" + expiresAt + "]";
    }
}
