package adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail; every error this service answers has this shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@Schema(name = "Problem", description = "An RFC 9457 problem detail: every error this service answers has this shape")
public record Problem(
        @Schema(
                required = true,
                format = "uri",
                description = Problem.TYPES,
                example = "urn:concert-booking:problem:seat-unavailable")
        URI type,

        @Schema(required = true, description = "the status's reason phrase", example = "Conflict")
        String title,

        @Schema(required = true, minimum = "400", maximum = "599", example = "409")
        int status,

        @Schema(required = true, description = "what went wrong, for a person", example = "seat 4 is not available")
        String detail,

        @Schema(description = "the request path", example = "/api/v1/reservations")
        String instance,

        @Schema(description = "for invalid-input and malformed-body: each field that was wrong, and why")
        List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:concert-booking:problem:";

    /** Every type this service answers; the document lists them for client authors. */
    static final String TYPES = "urn:concert-booking:problem:<slug>, or about:blank for an unknown path, a method "
            + "or media type not served, or an unexpected failure. Slugs by status: "
            + "400 invalid-input, malformed-body, ticket-code-invalid; 401 unauthorized; "
            + "403 forbidden, queue-token-missing, queue-token-waiting, queue-token-expired, queue-token-unknown, "
            + "queue-token-not-yours, queue-token-other-concert; 404 not-found; 406 not-acceptable; 408 request-timeout; "
            + "409 seat-unavailable, hold-limit-reached, sale-closed, reservation-not-held, insufficient-balance, "
            + "idempotency-key-reused, payment-already-used, top-up-not-pending, top-up-order-used, "
            + "top-up-order-expired, top-up-order-amount-mismatch, top-up-order-too-many-open, reconciliation-running, "
            + "reconciliation-not-configured, top-ups-not-configured, "
            + "ticket-not-issued, ticket-refunded, ticket-already-used, ticket-for-another-schedule; "
            + "413 body-too-large; 422 payment-declined; 429 rate-limited; 503 wallet-busy, dependency-unavailable";

    public static Problem of(Response.Status status, String slug, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), slug, detail);
    }

    public static Problem of(int status, String title, String slug, String detail) {
        URI type = slug == null ? URI.create("about:blank") : URI.create(TYPE_BASE + slug);
        return new Problem(type, title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    /** Which part of the request was wrong, and why. */
    @RegisterForReflection
    @Schema(name = "FieldError", description = "one part of the request that was wrong")
    public record FieldError(
            @Schema(
                    required = true,
                    description = "the field's path in the body, or the parameter's name",
                    example = "seatNumber")
            String field,

            @Schema(required = true, example = "must be greater than or equal to 1")
            String message) {}
}
