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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys ticket codes verify with, as a JSON Web Key Set (RFC 7517; Ed25519 keys as in
 * RFC 8037): what a gate device loads to check codes offline. Public, like an identity provider's
 * JWKS: a public key lets no one make a code.
 */
@Path("/api/v1/tickets/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.TICKETS)
public class TicketKeysResource {
    /** Gate devices may cache the set this long; a new key is published before it signs (docs/api.md). */
    static final String CACHE = "public, max-age=300";

    private final ListTicketSigningKeysUseCase keys;

    public TicketKeysResource(ListTicketSigningKeysUseCase keys) {
        this.keys = keys;
    }

    @GET
    @Operation(
            operationId = "getTicketSigningKeys",
            summary = "List the public keys ticket codes verify with",
            description = "A JSON Web Key Set (RFC 7517, Ed25519 keys as in RFC 8037): the key that signs new codes "
                    + "(status current) first, then the keys codes are still accepted with. What a gate device loads "
                    + "to verify codes offline. Anyone may call it: no bearer token is needed.")
    @APIResponse(
            responseCode = "200",
            description = "The key set",
            headers =
                    @Header(
                            name = ApiDocumentation.CACHE_CONTROL,
                            description = "public, max-age=300: a new key is published before it signs",
                            schema = @Schema(type = SchemaType.STRING, example = CACHE)),
            content = @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = KeySet.class)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response keys() {
        List<Jwk> jwks = keys.keys().stream().map(Jwk::from).toList();
        return Response.ok(new KeySet(jwks))
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .build();
    }

    @RegisterForReflection
    @Schema(name = "TicketKeySet", description = "A JSON Web Key Set of the keys ticket codes verify with")
    public record KeySet(
            @Schema(required = true, description = "the signing key first")
            List<Jwk> keys) {}

    /** {@code status}: {@code current} signs new codes; {@code accepted} keys only verify (the previous key after a rotation, the next one before it). */
    @RegisterForReflection
    @Schema(name = "TicketKey", description = "An Ed25519 public key as a JSON Web Key (RFC 8037)")
    public record Jwk(
            @Schema(required = true, enumeration = "OKP", example = "OKP")
            String kty,

            @Schema(required = true, enumeration = "Ed25519", example = "Ed25519")
            String crv,

            @Schema(required = true, enumeration = "EdDSA", example = "EdDSA")
            String alg,

            @Schema(required = true, enumeration = "sig", example = "sig")
            String use,

            @Schema(
                    required = true,
                    pattern = "^[A-Z0-9]{1,8}$",
                    description = "the key id every code signed with it names",
                    example = "K1")
            String kid,

            @Schema(
                    required = true,
                    description = "the 32-byte public key, base64url without padding",
                    example = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
            String x,

            @Schema(
                    required = true,
                    enumeration = {"current", "accepted"},
                    description = "current signs new codes; accepted keys only verify (the previous key after a "
                            + "rotation, the next one before it)")
            String status) {
        static Jwk from(TicketSigningKey key) {
            return new Jwk(
                    "OKP", "Ed25519", "EdDSA", "sig", key.keyId(), key.x(), key.current() ? "current" : "accepted");
        }
    }
}
