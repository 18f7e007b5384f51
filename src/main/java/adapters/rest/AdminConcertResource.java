package adapters.rest;

import application.catalog.port.in.CreateConcertUseCase;
import application.queue.port.in.GetSaleOpeningUseCase;
import application.queue.port.in.GetWaitingRoomUseCase;
import application.queue.port.in.SaleOpeningView;
import application.queue.port.in.SetSaleOpeningUseCase;
import application.queue.port.in.SetWaitingRoomCapacityUseCase;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.queue.AdmissionPolicy;
import domain.queue.PreQueueShuffle;
import domain.queue.SaleOpeningRecord;
import domain.queue.WaitingRoomStats;
import domain.shared.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
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

@Path("/api/v1/admin/concerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = ApiDocumentation.ADMIN)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class AdminConcertResource {
    private final CreateConcertUseCase createConcert;
    private final GetWaitingRoomUseCase getWaitingRoom;
    private final SetWaitingRoomCapacityUseCase setCapacity;
    private final GetSaleOpeningUseCase getOpening;
    private final SetSaleOpeningUseCase setOpening;

    public AdminConcertResource(
            CreateConcertUseCase createConcert,
            GetWaitingRoomUseCase getWaitingRoom,
            SetWaitingRoomCapacityUseCase setCapacity,
            GetSaleOpeningUseCase getOpening,
            SetSaleOpeningUseCase setOpening) {
        this.createConcert = createConcert;
        this.getWaitingRoom = getWaitingRoom;
        this.setCapacity = setCapacity;
        this.getOpening = getOpening;
        this.setOpening = setOpening;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createConcert",
            summary = "Create a concert",
            description = "A concert with its schedules; each schedule's seats are numbered 1 to seatCount, all "
                    + "at its price. With opensAt, fans entering its waiting room before that time wait in a "
                    + "pre-queue, shuffled once at opensAt ahead of everyone who arrives later.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = CreateConcertRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The concert and its schedules' ids",
            headers = @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = CreateConcertResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response create(@Valid @NotNull(message = "a JSON body is required") CreateConcertRequest request) {
        Concert concert = createConcert.create(request.toPlan());
        return Locations.created("/api/v1/concerts/" + concert.id())
                .entity(CreateConcertResponse.from(concert))
                .build();
    }

    @GET
    @Path("/{concertId}/queue")
    @Operation(
            operationId = "getWaitingRoom",
            summary = "Read a concert's waiting room",
            description = "How many fans wait and are active, and the stored cap of active fans.")
    @APIResponse(
            responseCode = "200",
            description = "The waiting room",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = QueueStatsResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No such concert: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public QueueStatsResponse queue(
            @Parameter(
                            description = "the concert's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("concertId")
                    long concertId) {
        return QueueStatsResponse.from(getWaitingRoom.stats(concertId));
    }

    @PUT
    @Path("/{concertId}/queue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "setWaitingRoomCapacity",
            summary = "Set a concert's cap of active fans",
            description = "Stored in PostgreSQL, so it survives a loss of the queue store; 0 admits no one.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = QueueCapacityRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The waiting room with its new cap",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = QueueStatsResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No such concert: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public QueueStatsResponse setQueue(
            @Parameter(
                            description = "the concert's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("concertId")
                    long concertId,
            @Valid @NotNull(message = "a JSON body is required") QueueCapacityRequest request) {
        return QueueStatsResponse.from(setCapacity.setMaxActive(concertId, request.maxActive()));
    }

    @GET
    @Path("/{concertId}/opening")
    @Operation(
            operationId = "getSaleOpening",
            summary = "Read a concert's on-sale time and the audit of its opening",
            description = "When the sale opens, its stage, and once it opened the seed its pre-queue was shuffled "
                    + "with, the pre-queue's size and the digests of the shuffle's input and output: anyone can "
                    + "recompute the order from them (docs/api.md, Sale opening).")
    @APIResponse(
            responseCode = "200",
            description = "The concert's opening",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = SaleOpeningResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No such concert: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public SaleOpeningResponse opening(
            @Parameter(
                            description = "the concert's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("concertId")
                    long concertId) {
        return SaleOpeningResponse.from(getOpening.get(concertId));
    }

    @PUT
    @Path("/{concertId}/opening")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "setSaleOpening",
            summary = "Set when a concert's sale opens",
            description =
                    "Fans entering before opensAt wait in a pre-queue without a position; at opensAt it is "
                            + "shuffled once ahead of later arrivals. The time can be changed only while it is more than "
                            + "queue.opening-cache-ttl away, to a time at least that far ahead, and never once the sale opened.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = SaleOpeningRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The concert's opening with its new time",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = SaleOpeningResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No such concert: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The opening time is fixed (it has passed, is closer than queue.opening-cache-ttl, or the "
                    + "sale opened): urn:concert-booking:problem:sale-opening-fixed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public SaleOpeningResponse setOpening(
            @Parameter(
                            description = "the concert's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("concertId")
                    long concertId,
            @Valid @NotNull(message = "a JSON body is required") SaleOpeningRequest request) {
        return SaleOpeningResponse.from(setOpening.set(concertId, request.opensAt()));
    }

    @Schema(name = "SaleOpeningRequest", description = "When the concert's sale opens")
    public record SaleOpeningRequest(
            @Schema(description = "UTC, at most 9999-12-31T23:59:59Z", example = "2031-04-01T01:00:00Z") @NotNull
            Instant opensAt) {}

    @Schema(name = "SaleOpening", description = "A concert's on-sale time and the audit of its opening")
    public record SaleOpeningResponse(
            @Schema(required = true, format = "int64", example = "1")
            long concertId,

            @Schema(nullable = true, description = "when the sale opens; null: no on-sale time")
            Instant opensAt,

            @Schema(
                    required = true,
                    description = "OPEN (no on-sale time), SCHEDULED (not yet opened: fans wait in the pre-queue), "
                            + "OPENING (the pre-queue is being placed), OPENED")
            SaleOpeningView.Stage stage,

            @Schema(nullable = true, description = "the pre-queue's shuffle, once the opening started")
            ShuffleAudit shuffle) {
        static SaleOpeningResponse from(SaleOpeningView view) {
            return new SaleOpeningResponse(
                    view.concertId(),
                    view.opensAt(),
                    view.stage(),
                    view.opening().map(ShuffleAudit::from).orElse(null));
        }
    }

    @Schema(
            name = "ShuffleAudit",
            description = "How the pre-queue was ordered: Fisher-Yates driven by SHA-256 of the seed in counter "
                    + "mode over the pre-queue's tokens in arrival order (docs/api.md, Sale opening)")
    public record ShuffleAudit(
            @Schema(required = true, example = PreQueueShuffle.ALGORITHM)
            String algorithm,

            @Schema(required = true, description = "32 bytes from a SecureRandom, hex", example = "9f1c…")
            String seed,

            @Schema(required = true, format = "int32", minimum = "0", example = "1200")
            int preQueueSize,

            @Schema(required = true, description = "SHA-256 (hex) of the pre-queue's tokens in arrival order")
            String inputDigest,

            @Schema(
                    nullable = true,
                    description = "SHA-256 (hex) of the tokens in their shuffled order; null while OPENING")
            String orderDigest,

            @Schema(required = true) Instant startedAt,

            @Schema(nullable = true, description = "when every fan of the pre-queue was in line; null while OPENING")
            Instant shuffledAt) {
        static ShuffleAudit from(SaleOpeningRecord record) {
            return new ShuffleAudit(
                    PreQueueShuffle.ALGORITHM,
                    record.seed(),
                    record.preQueueSize(),
                    record.inputDigest(),
                    record.orderDigest(),
                    record.startedAt(),
                    record.completedAt());
        }
    }

    @Schema(name = "CreateConcertRequest", description = "A concert and its schedules")
    public record CreateConcertRequest(
            @Schema(example = "Spring concert") @NotBlank @Size(max = ConcertPlan.MAX_TITLE)
            String title,

            @NotNull @Size(min = 1, max = ConcertPlan.MAX_SCHEDULES)
            List<@Valid @NotNull ScheduleRequest> schedules,

            @Schema(
                    nullable = true,
                    description =
                            "when the sale opens (UTC); before it, fans wait in a pre-queue; omitted: open at once",
                    example = "2031-04-01T01:00:00Z")
            Instant opensAt) {
        ConcertPlan toPlan() {
            return new ConcertPlan(
                    title,
                    schedules.stream()
                            .map(s -> new ConcertPlan.SchedulePlan(s.startsAt(), s.seatCount(), Money.won(s.price())))
                            .toList(),
                    opensAt);
        }
    }

    @Schema(name = "ScheduleRequest", description = "A date of the concert, its seats and their price")
    public record ScheduleRequest(
            @Schema(description = "UTC, at most 9999-12-31T23:59:59Z", example = "2031-05-01T19:00:00Z") @NotNull
            Instant startsAt,

            @Schema(format = "int32", example = "50") @NotNull @Min(1) @Max(ConcertPlan.SchedulePlan.MAX_SEATS)
            Integer seatCount,

            @Schema(format = "int64", description = "KRW", example = "42000")
            @NotNull
            @Min(1)
            @Max(ConcertPlan.SchedulePlan.MAX_PRICE)
            Long price) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "CreatedConcert", description = "A new concert and its schedules' ids")
    public record CreateConcertResponse(
            @Schema(required = true, format = "int64", example = "1")
            long id,

            @Schema(required = true, example = "Spring concert")
            String title,

            @Schema(required = true) List<ScheduleSummary> schedules,

            @Schema(nullable = true, description = "when the sale opens; null: open at once")
            Instant opensAt) {
        static CreateConcertResponse from(Concert concert) {
            return new CreateConcertResponse(
                    concert.id(),
                    concert.title(),
                    concert.schedules().stream()
                            .map(s -> new ScheduleSummary(s.id(), s.startsAt()))
                            .toList(),
                    concert.opensAt());
        }
    }

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "CreatedSchedule", description = "A new schedule's id")
    public record ScheduleSummary(
            @Schema(required = true, format = "int64", example = "10")
            long id,

            @Schema(required = true) Instant startsAt) {}

    @Schema(name = "QueueCapacityRequest", description = "The new cap of active fans")
    public record QueueCapacityRequest(
            @Schema(format = "int32", example = "100") @NotNull @Min(0) @Max(AdmissionPolicy.LIMIT)
            Integer maxActive) {}

    @Schema(name = "WaitingRoom", description = "A concert's waiting room")
    public record QueueStatsResponse(
            @Schema(required = true, format = "int64", example = "1")
            long concertId,

            @Schema(required = true, format = "int64", minimum = "0", example = "1200")
            long waiting,

            @Schema(required = true, format = "int64", minimum = "0", example = "100")
            long active,

            @Schema(required = true, format = "int32", minimum = "0", example = "100")
            int maxActive) {
        static QueueStatsResponse from(WaitingRoomStats stats) {
            return new QueueStatsResponse(stats.concertId(), stats.waiting(), stats.active(), stats.maxActive());
        }
    }
}
