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

/**
 * The holder's ticket: JSON by default, or with {@code Accept: image/png} / {@code image/svg+xml}
 * its code as a QR code to show at the door. Chosen here from the Accept header (not by
 * {@code @Produces}), so an Accept this endpoint cannot answer gets a problem that names what it can.
 * Never cached: the code is a bearer credential.
 */
@Path("/api/v1/reservations/{id}/ticket")
@Authenticated
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
    public Response ticket(@PathParam("id") String id, @Context HttpHeaders headers) {
        MediaType format = negotiate(acceptable(headers));
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

    /** The first format the client accepts, in its order of preference (JSON when it says nothing). */
    static MediaType negotiate(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            for (MediaType format : FORMATS) {
                if (accepted.isCompatible(format)) {
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
    public record TicketResponse(
            String code,
            UUID ticketId,
            UUID reservationId,
            long concertId,
            long scheduleId,
            int seatNumber,
            Instant startsAt,
            TicketStatus status,
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
