/**
 * The REST adapter. Its OpenAPI document's top level is declared here (SmallRye reads
 * {@code @OpenAPIDefinition} from a package or a JAX-RS Application, and this service has no
 * Application class): what the service is, the security schemes, the tags, and the parameters,
 * headers and error responses that many operations share. See {@link adapters.rest.ApiDocumentation}.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Concert booking service",
                        version = "1.0.0",
                        description = ApiDocumentation.DESCRIPTION,
                        contact = @Contact(name = "The concert booking service's maintainers (docs/api.md)")),
        servers = {
            @Server(url = "/", description = "the host that serves this document"),
            @Server(url = "http://localhost:8080", description = "a local instance in dev mode (scripts/run.sh)")
        },
        tags = {
            @Tag(name = ApiDocumentation.CATALOGUE, description = "Concerts, their schedules and seats"),
            @Tag(name = ApiDocumentation.QUEUE, description = "The waiting room in front of each concert"),
            @Tag(name = ApiDocumentation.RESERVATIONS, description = "Seat holds"),
            @Tag(name = ApiDocumentation.PAYMENTS, description = "Paying a held seat from the wallet"),
            @Tag(name = ApiDocumentation.WALLET, description = "The caller's balance, top-ups and ledger"),
            @Tag(
                    name = ApiDocumentation.TICKETS,
                    description =
                            "The holder's ticket of a paid seat, check-in at the door, the keys codes verify with"),
            @Tag(name = ApiDocumentation.ADMIN, description = "Operators: concerts, waiting rooms, jobs, outbox"),
            @Tag(name = ApiDocumentation.RECONCILIATION, description = "Operators: the daily reconciliation")
        },
        components =
                @Components(
                        schemas = @Schema(name = ApiDocumentation.PROBLEM, implementation = Problem.class),
                        headers = {
                            @Header(
                                    name = ApiDocumentation.RETRY_AFTER,
                                    description = "whole seconds to wait before the same request may succeed",
                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", example = "5")),
                            @Header(
                                    name = ApiDocumentation.LOCATION,
                                    description = "where the resource (or the run, or the pending top-up) can be read: "
                                            + "root-relative (/api/v1/...), resolved against the request URL",
                                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                            @Header(
                                    name = ApiDocumentation.LINK,
                                    description = "present when more items follow: <the same path and query with "
                                            + "the next cursor>; rel=\"next\" (RFC 8288, root-relative); follow it "
                                            + "until it is absent to read every item exactly once",
                                    schema =
                                            @Schema(
                                                    type = SchemaType.STRING,
                                                    example = "</api/v1/reservations?limit=50&cursor=djEuLi4>; "
                                                            + "rel=\"next\"")),
                            @Header(
                                    name = ApiDocumentation.REPLAYED,
                                    description =
                                            "true when this is the stored answer to an earlier request with the same Idempotency-Key",
                                    schema = @Schema(type = SchemaType.BOOLEAN))
                        },
                        parameters = {
                            @Parameter(
                                    name = ApiDocumentation.LIMIT_PARAMETER,
                                    in = ParameterIn.QUERY,
                                    description = "items per page: pagination.default-limit (50) when absent, at "
                                            + "most pagination.max-limit (500); outside that a 400 problem",
                                    schema =
                                            @Schema(
                                                    type = SchemaType.INTEGER,
                                                    format = "int32",
                                                    minimum = "1",
                                                    maximum = "500",
                                                    defaultValue = "50")),
                            @Parameter(
                                    name = ApiDocumentation.CURSOR_PARAMETER,
                                    in = ParameterIn.QUERY,
                                    description = "where the page starts: opaque, taken from the Link rel=\"next\" "
                                            + "of the page before; absent for the first page. Any other value is a "
                                            + "400 problem",
                                    schema =
                                            @Schema(
                                                    type = SchemaType.STRING,
                                                    maxLength = 200,
                                                    pattern = "^[A-Za-z0-9_-]+$")),
                            @Parameter(
                                    name = ApiDocumentation.QUEUE_TOKEN_PARAMETER,
                                    in = ParameterIn.HEADER,
                                    required = true,
                                    description = "the caller's ACTIVE queue token of the concert this resource "
                                            + "belongs to (an opaque string from enterQueue)",
                                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 400)),
                            @Parameter(
                                    name = ApiDocumentation.IDEMPOTENCY_KEY_PARAMETER,
                                    in = ParameterIn.HEADER,
                                    required = true,
                                    description = "the client's key for this write: a repeat with the same key and "
                                            + "body returns the first answer again and changes nothing; the same "
                                            + "key with another body is 409 idempotency-key-reused",
                                    schema =
                                            @Schema(
                                                    type = SchemaType.STRING,
                                                    minLength = 1,
                                                    maxLength = 128,
                                                    pattern = "^[\\x21-\\x7E]+$",
                                                    example = "3f1c2a9e-8d1b-4c1e-9a57-0b6f4f1d2c3b"))
                        },
                        responses = {
                            @APIResponse(
                                    name = ApiDocumentation.QUEUE_TOKEN_REFUSED,
                                    description =
                                            "The Queue-Token is missing, still waiting, expired or ended, someone "
                                                    + "else's, or another concert's: urn:concert-booking:problem:"
                                                    + "queue-token-missing, queue-token-waiting, queue-token-expired, "
                                                    + "queue-token-unknown, queue-token-not-yours, queue-token-other-concert",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = ApiDocumentation.BAD_REQUEST,
                                    description =
                                            "The request is malformed or invalid: "
                                                    + "urn:concert-booking:problem:invalid-input (errors[] names each field), "
                                                    + "urn:concert-booking:problem:malformed-body (not JSON, wrong type, out of range)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = ApiDocumentation.UNAUTHORIZED,
                                    description = "No bearer token, or one that is invalid, expired or too old: "
                                            + "urn:concert-booking:problem:unauthorized",
                                    headers =
                                            @Header(
                                                    name = "WWW-Authenticate",
                                                    description = "always Bearer",
                                                    schema = @Schema(type = SchemaType.STRING, example = "Bearer")),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = ApiDocumentation.ADMIN_ONLY,
                                    description = "The caller is not an admin (the token's groups lack admin): "
                                            + "urn:concert-booking:problem:forbidden",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = ApiDocumentation.BODY_TOO_LARGE,
                                    description = "The body is over quarkus.http.limits.max-body-size (64 KiB): "
                                            + "urn:concert-booking:problem:body-too-large; nothing was done",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE,
                                    description = "The body is not sent as application/json (type about:blank)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = ApiDocumentation.RATE_LIMITED,
                                    description = "Over the route's per-user or per-address rate limit: "
                                            + "urn:concert-booking:problem:rate-limited; nothing was done",
                                    headers =
                                            @Header(
                                                    name = ApiDocumentation.RETRY_AFTER,
                                                    ref = ApiDocumentation.RETRY_AFTER),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = ApiDocumentation.SERVER_ERROR,
                                    description = "An unexpected failure (a defect, never caused by the request): "
                                            + "type about:blank, no detail of the cause",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = ApiDocumentation.UNAVAILABLE,
                                    description = "PostgreSQL or Redis is unavailable, or a write's commit failed: "
                                            + "urn:concert-booking:problem:dependency-unavailable; retry after Retry-After "
                                            + "(with the same Idempotency-Key where the operation takes one)",
                                    headers =
                                            @Header(
                                                    name = ApiDocumentation.RETRY_AFTER,
                                                    ref = ApiDocumentation.RETRY_AFTER),
                                    content =
                                            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
                        },
                        securitySchemes = {
                            @SecurityScheme(
                                    securitySchemeName = ApiDocumentation.BEARER,
                                    type = SecuritySchemeType.HTTP,
                                    scheme = "bearer",
                                    bearerFormat = "JWT",
                                    description =
                                            "A JWT (RS256) from the identity provider named by mp.jwt.verify.publickey.location and "
                                                    + "mp.jwt.verify.issuer: sub is the user id (1 to 64 characters), iat is required; "
                                                    + "operator calls need groups to contain admin, check-ins staff or admin"),
                            @SecurityScheme(
                                    securitySchemeName = ApiDocumentation.JOB_TRIGGER,
                                    type = SecuritySchemeType.APIKEY,
                                    in = SecuritySchemeIn.HEADER,
                                    apiKeyName = "Job-Trigger-Secret",
                                    description =
                                            "the jobs.trigger-secret, for a cloud scheduler that runs jobs (runJob only)")
                        }))
package adapters.rest;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
