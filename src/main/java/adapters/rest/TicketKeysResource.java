package adapters.rest;

import application.ticketing.port.in.ListTicketSigningKeysUseCase;
import domain.ticket.TicketSigningKey;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The public keys ticket codes verify with, as a JSON Web Key Set (RFC 7517; Ed25519 keys as in
 * RFC 8037): what a gate device loads to check codes offline. Public, like an identity provider's
 * JWKS: a public key lets no one make a code.
 */
@Path("/api/v1/tickets/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
public class TicketKeysResource {
    /** Gate devices may cache the set this long; a new key is published before it signs (docs/api.md). */
    static final String CACHE = "public, max-age=300";

    private final ListTicketSigningKeysUseCase keys;

    public TicketKeysResource(ListTicketSigningKeysUseCase keys) {
        this.keys = keys;
    }

    @GET
    public Response keys() {
        List<Jwk> jwks = keys.keys().stream().map(Jwk::from).toList();
        return Response.ok(new KeySet(jwks))
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .build();
    }

    @RegisterForReflection
    public record KeySet(List<Jwk> keys) {}

    /** {@code status}: {@code current} signs new codes; {@code accepted} keys only verify (the previous key after a rotation, the next one before it). */
    @RegisterForReflection
    public record Jwk(String kty, String crv, String alg, String use, String kid, String x, String status) {
        static Jwk from(TicketSigningKey key) {
            return new Jwk(
                    "OKP", "Ed25519", "EdDSA", "sig", key.keyId(), key.x(), key.current() ? "current" : "accepted");
        }
    }
}
