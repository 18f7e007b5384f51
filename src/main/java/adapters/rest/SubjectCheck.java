package adapters.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Part of authentication: a token whose {@code sub} is not a user id (1–64 characters, no control
 * characters; {@link domain.shared.UserId#isValid}) is refused
 * as 401 before any resource sees it, whatever the request body holds.
 */
@ApplicationScoped
public class SubjectCheck implements SecurityIdentityAugmentor {
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String sub = identity.getPrincipal() instanceof JsonWebToken jwt
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
        if (!domain.shared.UserId.isValid(sub)) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException(
                            "the token's sub must have 1 to 64 characters and no control characters"));
        }
        return Uni.createFrom().item(identity);
    }
}
