package adapters.rest;

import application.ticketing.port.in.GetTicketUseCase;
import application.ticketing.port.in.TicketView;
import domain.ticket.Ticket;
import domain.ticket.TicketRefundedException;
import domain.ticket.TicketStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The holder's ticket: JSON by default, or with {@code Accept: image/png} / {@code image/svg+xml}
 * its code as a QR code to show at the door. Chosen here from the Accept header (not by
 * {@code @Produces}), so an Accept this endpoint cannot answer gets a problem that names what it can.
 * Never cached: the code is a bearer credential.
 */
@Path("/api/v1/reservations/{id}/ticket")
@Authenticated
@Tag(name = ApiDocumentation.TICKETS)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class TicketResource {
    static final List<MediaType> FORMATS =
            List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(TicketQr.PNG), MediaType.valueOf(TicketQr.SVG));

    private final GetTicketUseCase getTicket;
    private final CurrentUser user;
    private final TicketQr qr;

    public TicketResource(GetTicketUseCase getTicket, CurrentUser user, TicketQr qr) {
        this.getTicket = getTicket;
        this.user = user;
        this.qr = qr;
    }

    @GET
    @Operation(
            operationId = "getTicket",
            summary = "Read the ticket of a paid seat",
            description = "The caller's ticket of a CONFIRMED reservation, issued when it was paid: JSON with its "
                    + "signed code, or with Accept: image/png or image/svg+xml the QR code of that code to show at "
                    + "the door (the first of JSON, PNG, SVG the Accept header allows; no Accept header: JSON). The "
                    + "code is a bearer credential: never cached (Cache-Control: no-store). A VOID (refunded) ticket "
                    + "has no code and no image.")
    @APIResponse(
            responseCode = "200",
            description = "The ticket, in the format the Accept header chose",
            headers = {
                @Header(
                        name = ApiDocumentation.CACHE_CONTROL,
                        description = "always no-store: the code lets its holder in",
                        schema = @Schema(type = SchemaType.STRING, example = "no-store")),
                @Header(
                        name = ApiDocumentation.VARY,
                        description = "always Accept: the format depends on it",
                        schema = @Schema(type = SchemaType.STRING, example = "Accept"))
            },
            content = {
                @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = TicketResponse.class)),
                @Content(
                        mediaType = ApiDocumentation.PNG,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        description = "the QR code of the ticket's code, "
                                                + "tickets.qr.module-pixels pixels per module")),
                @Content(
                        mediaType = ApiDocumentation.SVG,
                        schema = @Schema(type = SchemaType.STRING, description = "the QR code of the ticket's code"))
            })
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "No such reservation, or not the caller's: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "406",
            description = "The Accept header allows none of application/json, image/png, image/svg+xml: "
                    + "urn:concert-booking:problem:not-acceptable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The reservation is not paid (reservationStatus says HELD, EXPIRED or CANCELLED), or "
                    + "an image of a VOID ticket was asked for: urn:concert-booking:problem:ticket-not-issued, "
                    + "ticket-refunded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.TICKET_PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response ticket(
            @Parameter(
                            description = "the reservation's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Context HttpHeaders headers) {
        MediaType format = negotiate(acceptable(headers), headers.getHeaderString(HttpHeaders.ACCEPT));
        TicketView view = getTicket.get(user.id(), ReservationResource.reservationId(id));
        Object entity;
        if (format.equals(MediaType.APPLICATION_JSON_TYPE)) {
            entity = TicketResponse.from(view);
        } else if (view.code() == null) {
            throw new TicketRefundedException(view.details().ticket().id());
        } else if (format.getSubtype().equals("png")) {
            entity = qr.png(view.code());
        } else {
            entity = qr.svg(view.code());
        }
        return Response.ok(entity, format)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    /** The client's Accept header, most preferred first; one that does not parse accepts nothing. */
    private static List<MediaType> acceptable(HttpHeaders headers) {
        try {
            return headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    /**
     * The first format the client accepts, in its order of preference (JSON when it says nothing); a
     * format the header weighs zero ({@code q=0}, {@link AcceptWeights}) is never chosen.
     */
    static MediaType negotiate(List<MediaType> acceptable, String accept) {
        for (MediaType accepted : acceptable) {
            for (MediaType format : FORMATS) {
                if (accepted.isCompatible(format) && (accept == null || AcceptWeights.weight(accept, format) > 0)) {
                    return format;
                }
            }
        }
        throw new NotAcceptableFormatException(FORMATS);
    }

    /** The Accept header names no format this endpoint answers in. */
    public static final class NotAcceptableFormatException extends RuntimeException {
        NotAcceptableFormatException(List<MediaType> formats) {
            super(
                    "this resource answers "
                            + String.join(
                                    ", ",
                                    formats.stream().map(MediaType::toString).toList()),
                    null,
                    false,
                    false);
        }
    }

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "Ticket", description = "The ticket of one paid seat")
    public record TicketResponse(
            @Schema(
                    nullable = true,
                    maxLength = 512,
                    description = "the signed code to show at the door (also the QR code's content); null when "
                            + "VOID. Verifiable offline with getTicketSigningKeys (format in docs/api.md)",
                    example = ApiDocumentation.TICKET_CODE_EXAMPLE)
            String code,

            @Schema(required = true, format = "uuid") UUID ticketId,
            @Schema(required = true, format = "uuid") UUID reservationId,

            @Schema(required = true, format = "int64", example = "1")
            long concertId,

            @Schema(required = true, format = "int64", example = "10")
            long scheduleId,

            @Schema(required = true, format = "int32", minimum = "1", example = "4")
            int seatNumber,

            @Schema(required = true, description = "when the show starts (UTC)")
            Instant startsAt,

            @Schema(required = true) TicketStatus status,

            @Schema(nullable = true, description = "when it was checked in (UTC); null until then")
            Instant checkedInAt) {
        static TicketResponse from(TicketView view) {
            Ticket t = view.details().ticket();
            return new TicketResponse(
                    view.code(),
                    t.id(),
                    t.reservationId(),
                    t.concertId(),
                    t.scheduleId(),
                    t.seatNumber(),
                    view.details().startsAt(),
                    t.status(),
                    t.checkedInAt());
        }
    }
}
