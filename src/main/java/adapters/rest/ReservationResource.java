package adapters.rest;

import application.booking.port.in.CancelReservationUseCase;
import application.booking.port.in.GetReservationUseCase;
import application.booking.port.in.HoldSeatUseCase;
import application.booking.port.in.HoldSeatsUseCase;
import application.booking.port.in.ListMyReservationsUseCase;
import application.booking.port.in.ReservationView;
import application.shared.Page;
import application.shared.PageRequest;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.InvalidValueException;
import domain.shared.NotFoundException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ApiDocumentation.RESERVATIONS)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class ReservationResource {
    private final HoldSeatUseCase holdSeat;
    private final HoldSeatsUseCase holdSeats;
    private final GetReservationUseCase getReservation;
    private final CancelReservationUseCase cancelReservation;
    private final CurrentUser user;
    private final ListMyReservationsUseCase listMine;
    private final Pagination pagination;

    public ReservationResource(
            HoldSeatUseCase holdSeat,
            HoldSeatsUseCase holdSeats,
            GetReservationUseCase getReservation,
            CancelReservationUseCase cancelReservation,
            CurrentUser user,
            ListMyReservationsUseCase listMine,
            Pagination pagination) {
        this.listMine = listMine;
        this.pagination = pagination;
        this.holdSeat = holdSeat;
        this.holdSeats = holdSeats;
        this.getReservation = getReservation;
        this.cancelReservation = cancelReservation;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("hold")
    @Operation(
            operationId = "holdSeat",
            summary = "Hold a seat",
            description = "Holds the seat for reservation.hold-ttl; after that the reservation is EXPIRED and the "
                    + "seat AVAILABLE again. Of any number of concurrent holds of one seat exactly one succeeds. "
                    + "A user may have reservation.max-held-per-user live holds per concert. Needs the caller's "
                    + "ACTIVE queue token of the schedule's concert. Counted in rate-limit.hold. With seatNumbers "
                    + "instead of seatNumber, holds those seats as one order, all or none: 201 with the order "
                    + "(every reservation carries its orderId), or 409 seat-unavailable naming unavailableSeats "
                    + "and nothing held. A schedule whose sale has closed (its start less "
                    + "reservation.close-before) is 409 sale-closed.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = HoldRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The seat is held (a Reservation, with Location), or every seat of the order is (an "
                    + "Order, for seatNumbers)",
            headers = @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema =
                                    @Schema(
                                            name = "HoldResult",
                                            oneOf = {ReservationResponse.class, OrderResponse.class})))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.QUEUE_TOKEN_REFUSED)
    @APIResponse(
            responseCode = "404",
            description = "No such schedule, or no such seat in it: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The seat (or a seat of the order: unavailableSeats) is not available, the caller would "
                    + "have more live holds on this concert than allowed, or the schedule's sale has closed: "
                    + "urn:concert-booking:problem:seat-unavailable, hold-limit-reached, sale-closed; nothing is "
                    + "taken",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.BOOKING_PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<Response> hold(
            @Valid @NotNull(message = "a JSON body is required") HoldRequest request,
            @Parameter(ref = ApiDocumentation.QUEUE_TOKEN_PARAMETER) @HeaderParam(QueueResource.QUEUE_TOKEN)
                    String queueToken) {
        // an empty seatNumbers counts as absent: generated clients send their empty lists
        boolean several =
                request.seatNumbers() != null && !request.seatNumbers().isEmpty();
        if ((request.seatNumber() == null) != several) {
            throw new InvalidValueException("seatNumbers", "give either seatNumber or seatNumbers");
        }
        if (several) {
            HoldSeatsUseCase.Command order =
                    new HoldSeatsUseCase.Command(user.id(), queueToken, request.scheduleId(), request.seatNumbers());
            return Worker.run(() -> holdSeats.hold(order))
                    .map(view -> Response.status(Response.Status.CREATED)
                            .entity(OrderResponse.from(view))
                            .build());
        }
        HoldSeatUseCase.Command command =
                new HoldSeatUseCase.Command(user.id(), queueToken, request.scheduleId(), request.seatNumber());
        return Worker.run(() -> holdSeat.hold(command))
                .map(view -> Locations.created(
                                "/api/v1/reservations/" + view.reservation().id())
                        .entity(ReservationResponse.from(view))
                        .build());
    }

    @GET
    @Operation(
            operationId = "listMyReservations",
            summary = "List my reservations",
            description = "The caller's own reservations, newest first (by when each was made), a page at a time: "
                    + "when more follow, the Link header names the next page (rel=\"next\"); follow it until it "
                    + "is absent to read each reservation exactly once, also while new ones are made. With "
                    + "status, only those whose status reads so now (a hold past its expiresAt reads EXPIRED).")
    @APIResponse(
            responseCode = "200",
            description = "One page of the caller's reservations, newest first",
            headers = @Header(name = ApiDocumentation.LINK, ref = ApiDocumentation.LINK),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ReservationResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response list(
            @Parameter(
                            description =
                                    "only reservations whose status reads so now; another value is a 400 " + "problem",
                            schema = @Schema(implementation = ReservationStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(ref = ApiDocumentation.LIMIT_PARAMETER) @QueryParam(Pagination.LIMIT) String limit,
            @Parameter(ref = ApiDocumentation.CURSOR_PARAMETER) @QueryParam(PageCursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        PageRequest page = pagination.request(MY_RESERVATIONS, limit, cursor);
        Page<ReservationView> found = listMine.list(user.id(), status(status), page);
        return pagination.ok(
                found.items().stream().map(ReservationResponse::from).toList(), found, MY_RESERVATIONS, uri);
    }

    /** The list's name inside its cursors. */
    private static final String MY_RESERVATIONS = "reservations";

    private static Optional<ReservationStatus> status(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (ReservationStatus status : ReservationStatus.values()) {
            if (status.name().equals(raw)) {
                return Optional.of(status);
            }
        }
        throw new InvalidValueException("status", "status is one of " + Arrays.toString(ReservationStatus.values()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getReservation",
            summary = "Read a reservation",
            description = "The caller's reservation. A hold past its expiresAt reads EXPIRED whether or not the "
                    + "cleanup job has run.")
    @APIResponse(
            responseCode = "200",
            description = "The reservation",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = ReservationResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "No such reservation, or not the caller's: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public ReservationResponse get(
            @Parameter(
                            description = "the reservation's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id) {
        return ReservationResponse.from(getReservation.get(user.id(), reservationId(id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "cancelReservation",
            summary = "Cancel a hold",
            description = "A HELD reservation becomes CANCELLED and its seat AVAILABLE again.")
    @APIResponse(responseCode = "204", description = "The hold is cancelled")
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "No such reservation, or not the caller's: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The reservation is not HELD (confirmed, expired or cancelled): "
                    + "urn:concert-booking:problem:reservation-not-held",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public void cancel(
            @Parameter(
                            description = "the reservation's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id) {
        cancelReservation.cancel(user.id(), reservationId(id));
    }

    /** Reservation ids are UUIDs; anything else names no reservation. */
    static UUID reservationId(String raw) {
        return uuidOrNotFound("reservation", raw);
    }

    /** Ids that are UUIDs: a path that does not parse names nothing, so 404. */
    static UUID uuidOrNotFound(String kind, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(kind, raw.length() > 64 ? raw.substring(0, 64) + "…" : raw);
        }
    }

    @Schema(name = "HoldRequest", description = "The seat to hold (seatNumber), or the seats of an order (seatNumbers)")
    public record HoldRequest(
            @Schema(required = true, format = "int64", example = "10") @NotNull @Min(1)
            Long scheduleId,

            @Schema(format = "int32", example = "4", description = "one seat; exactly one of seatNumber, seatNumbers")
            @Min(1)
            @Max(100_000)
            Integer seatNumber,

            @Schema(
                    description = "several seats held as one order, all or none: 1 … reservation.max-held-per-user "
                            + "distinct numbers; exactly one of seatNumber, seatNumbers (empty counts as absent)",
                    example = "[3, 4, 5, 6]")
            @Size(max = HoldPolicy.MAX_HELD_PER_USER)
            List<@NotNull @Min(1) @Max(100_000) Integer> seatNumbers) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "Order", description = "Seats held together: every reservation of the order")
    public record OrderResponse(
            @Schema(required = true, format = "uuid") UUID orderId,

            @Schema(required = true, description = "one per seat, ascending by seat number")
            List<ReservationResponse> reservations) {
        static OrderResponse from(HoldSeatsUseCase.OrderView view) {
            return new OrderResponse(
                    view.orderId(),
                    view.reservations().stream().map(ReservationResponse::from).toList());
        }
    }

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "Reservation", description = "A seat hold and what became of it")
    public record ReservationResponse(
            @Schema(required = true, format = "uuid") UUID id,

            @Schema(required = true, format = "int64", example = "10")
            long scheduleId,

            @Schema(required = true, format = "int32", minimum = "1", example = "4")
            int seatNumber,

            @Schema(required = true, format = "int64", minimum = "1", description = "KRW", example = "42000")
            long price,

            @Schema(required = true) ReservationStatus status,

            @Schema(required = true, description = "when the hold lapses (UTC)")
            Instant expiresAt,

            @Schema(
                    required = true,
                    format = "uuid",
                    description = "the hold it was made by: shared by the seats of one order; a single-seat "
                            + "hold is an order of one (its own id)")
            UUID orderId) {
        static ReservationResponse from(ReservationView view) {
            Reservation r = view.reservation();
            return new ReservationResponse(
                    r.id(), r.scheduleId(), r.seatNumber(), r.price().won(), view.status(), r.expiresAt(), r.orderId());
        }
    }
}
