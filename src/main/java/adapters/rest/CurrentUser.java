package adapters.rest;

import domain.shared.InvalidValueException;
import domain.shared.UserId;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, from the verified JWT's {@code sub}. */
@RequestScoped
public class CurrentUser {
    private final JsonWebToken jwt;

    public CurrentUser(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public UserId id() {
        try {
            return new UserId(jwt.getSubject());
        } catch (InvalidValueException e) {
            throw new AuthenticationFailedException("the token's sub must have 1 to 64 characters");
        }
    }
}
