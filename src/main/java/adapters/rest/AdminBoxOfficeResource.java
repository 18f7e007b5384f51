package adapters.rest;

import application.booking.BoxOfficeSettings;
import application.booking.port.in.BoxOfficeSaleView;
import application.booking.port.in.GetBoxOfficeSaleUseCase;
import application.booking.port.in.SellAtBoxOfficeUseCase;
import application.ticketing.port.in.GetTicketUseCase;
import domain.payment.BoxOfficeSale;
import domain.payment.CardApproval;
import domain.shared.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

/** The venue's box office sells seats against a card terminal's approval (D61). */
@Path("/api/v1/admin/box-office/sales")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "admin"})
@Tag(name = ApiDocumentation.ADMIN)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class AdminBoxOfficeResource {
    private static final String STAFF_ONLY = "The caller is neither box-office staff nor an admin (the token's groups "
            + "lack staff and admin): urn:concert-booking:problem:forbidden";

    private final SellAtBoxOfficeUseCase sell;
    private final GetBoxOfficeSaleUseCase get;
    private final GetTicketUseCase tickets;
    private final CurrentUser user;

    public AdminBoxOfficeResource(
            SellAtBoxOfficeUseCase sell, GetBoxOfficeSaleUseCase get, GetTicketUseCase tickets, CurrentUser user) {
        this.sell = sell;
        this.get = get;
        this.tickets = tickets;
        this.user = user;
    }

    /** The sale with each seat's ticket code, signed now (codes are never stored), for the box office to print. */
    private SaleResponse response(BoxOfficeSaleView recorded) {
        UUID saleId = recorded.sale().id();
        return SaleResponse.from(
                recorded,
                reservationId ->
                        tickets.get(BoxOfficeSale.buyer(saleId), reservationId).code());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "sellAtBoxOffice",
            summary = "Sell seats at the box office against a card approval",
            description = "Box-office staff (groups staff or admin) sell seats of one schedule that the card "
                    + "terminal has just been paid for: every seat or none, by the same rule as online holds "
                    + "(a seat held by anyone, or sold, is unavailable). The seats are SOLD at once, each a "
                    + "CONFIRMED reservation of the sale (owner box-office:<sale id>) with a ticket; terminal.amount "
                    + "must equal the seats' price sum; a card approval (terminal.provider, terminal.approvalNo) "
                    + "sells once and is what that provider's offline file is reconciled against. The box office "
                    + "sells until the schedule starts less box-office.close-before. A repeat with the same "
                    + "Idempotency-Key and body returns the first answer again and sells nothing.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = SaleRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Sold (or the stored answer to the same Idempotency-Key); read it again at the Location",
            headers = {
                @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
                @Header(name = ApiDocumentation.REPLAYED, ref = ApiDocumentation.REPLAYED)
            },
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = SaleResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "403",
            description = STAFF_ONLY,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "404",
            description = "No such schedule, or it has no seat with one of seatNumbers: "
                    + "urn:concert-booking:problem:not-found; nothing is sold",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "A seat is held or sold (unavailableSeats: which), the box office no longer sells the "
                    + "schedule (closedAt) or it was cancelled, the card approval already sold seats, or the "
                    + "Idempotency-Key was used with another body: urn:concert-booking:problem:seat-unavailable, "
                    + "sale-closed, schedule-cancelled, card-approval-already-used, idempotency-key-reused; "
                    + "nothing is sold",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.BOOKING_PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(
            responseCode = "422",
            description = "terminal.amount is not the seats' price sum (approvedAmount, price: both in KRW): "
                    + "urn:concert-booking:problem:card-amount-mismatch; nothing is sold",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemMapper.CardAmountProblem.class)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<Response> sell(
            @Valid @NotNull(message = "a JSON body is required") SaleRequest request,
            @Parameter(ref = ApiDocumentation.IDEMPOTENCY_KEY_PARAMETER) @HeaderParam(PaymentResource.IDEMPOTENCY_KEY)
                    String idempotencyKey) {
        Terminal terminal = request.terminal();
        SellAtBoxOfficeUseCase.Command command = new SellAtBoxOfficeUseCase.Command(
                user.id(),
                request.scheduleId(),
                request.seatNumbers(),
                new CardApproval(
                        terminal.provider(),
                        terminal.approvalNo(),
                        terminal.terminalId(),
                        terminal.approvedAt(),
                        Money.won(terminal.amount())),
                idempotencyKey);
        return Worker.run(() -> {
                    SellAtBoxOfficeUseCase.Result result = sell.sell(command);
                    return new Sold(response(result.sale()), result.replayed());
                })
                .map(sold -> Response.created(URI.create(
                                "/api/v1/admin/box-office/sales/" + sold.sale().id()))
                        .entity(sold.sale())
                        .header(PaymentResource.REPLAYED, sold.replayed())
                        .build());
    }

    private record Sold(SaleResponse sale, boolean replayed) {}

    @GET
    @Path("/{saleId}")
    @Operation(
            operationId = "getBoxOfficeSale",
            summary = "A box-office sale",
            description = "The sale's seats with their reservations and tickets, the card approval, and how far the "
                    + "reconciliation against the provider's files has come.")
    @APIResponse(
            responseCode = "200",
            description = "The sale",
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = SaleResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "403",
            description = STAFF_ONLY,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "404",
            description = "No such sale: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<SaleResponse> sale(
            @Parameter(description = "the sale's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("saleId")
                    String saleId) {
        UUID id = ReservationResource.uuidOrNotFound("box-office sale", saleId);
        return Worker.run(() -> response(get.get(id)));
    }

    @Schema(name = "BoxOfficeSaleRequest", description = "Seats of one schedule and the card approval that paid them")
    public record SaleRequest(
            @Schema(required = true, format = "int64", minimum = "1", example = "10") @NotNull @Min(1)
            Long scheduleId,

            @Schema(
                    required = true,
                    description = "1 … box-office.max-seats distinct seat numbers, sold all or none",
                    example = "[3, 4]")
            @NotNull
            @Size(min = 1, max = BoxOfficeSettings.MAX_SEATS_LIMIT)
            List<@NotNull @Min(1) @Max(Integer.MAX_VALUE) Integer> seatNumbers,

            @Schema(required = true) @NotNull @Valid Terminal terminal) {}

    @Schema(name = "CardTerminalApproval", description = "What the card terminal approved")
    public record Terminal(
            @Schema(
                    required = true,
                    description = "the VAN/provider of the terminal, as reconciliation.providers names it "
                            + "(1-32 of a-z, 0-9, '-')",
                    example = "welcome-offline")
            @NotNull
            @Size(min = 1, max = 32)
            String provider,

            @Schema(
                    required = true,
                    description = "the approval number (1-32 letters or digits): the payment key of the "
                            + "provider's files; sells once per provider",
                    example = "30012345")
            @NotNull
            @Size(min = 1, max = 32)
            String approvalNo,

            @Schema(required = true, description = "the terminal's id (1-32 letters or digits)", example = "T0001")
            @NotNull
            @Size(min = 1, max = 32)
            String terminalId,

            @Schema(required = true, description = "when the terminal approved the card (UTC)") @NotNull
            Instant approvedAt,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "KRW approved: must equal the seats' price sum",
                    example = "168000")
            @NotNull
            @Min(0)
            Long amount) {}

    @RegisterForReflection
    @Schema(name = "BoxOfficeSale", description = "Seats sold at the box office and the card approval that paid them")
    public record SaleResponse(
            @Schema(required = true, format = "uuid") UUID id,

            @Schema(required = true, format = "int64", example = "1")
            long concertId,

            @Schema(required = true, format = "int64", example = "10")
            long scheduleId,

            @Schema(required = true, description = "the seats, by seat number")
            List<SoldSeatResponse> seats,

            @Schema(required = true, format = "int64", minimum = "0", description = "KRW: the seats' price sum")
            long amount,

            @Schema(required = true) TerminalResponse terminal,

            @Schema(required = true, description = "the clerk (the token's sub)")
            String soldBy,

            @Schema(required = true, description = "when it was sold (UTC)")
            Instant soldAt,

            @Schema(
                    required = true,
                    description = "UNRECONCILED, MATCHED, ACQUIRED, SETTLED, or the mismatch category of the stage "
                            + "that disagreed (docs/reconciliation.md)",
                    example = "UNRECONCILED")
            String reconciliationState,

            @Schema(
                    nullable = true,
                    enumeration = {"TRANSACTIONS", "ACQUISITIONS", "SETTLEMENTS"},
                    description = "the stage that set reconciliationState; null while UNRECONCILED")
            String reconciliationStage) {
        static SaleResponse from(BoxOfficeSaleView recorded, java.util.function.Function<UUID, String> codeOf) {
            BoxOfficeSale sale = recorded.sale();
            return new SaleResponse(
                    sale.id(),
                    sale.concertId(),
                    sale.scheduleId(),
                    sale.seats().stream()
                            .map(seat -> new SoldSeatResponse(
                                    seat.seatNumber(),
                                    seat.reservationId(),
                                    recorded.ticketByReservation().get(seat.reservationId()),
                                    codeOf.apply(seat.reservationId()),
                                    seat.price().won()))
                            .toList(),
                    sale.amount().won(),
                    new TerminalResponse(
                            sale.approval().provider(),
                            sale.approval().approvalNo(),
                            sale.approval().terminalId(),
                            sale.approval().approvedAt()),
                    sale.soldBy().value(),
                    sale.soldAt(),
                    recorded.reconciliationState(),
                    recorded.reconciliationStage());
        }
    }

    @RegisterForReflection
    @Schema(name = "BoxOfficeSeat", description = "One seat of a box-office sale")
    public record SoldSeatResponse(
            @Schema(required = true, format = "int32", minimum = "1", example = "3")
            int seatNumber,

            @Schema(required = true, format = "uuid", description = "its CONFIRMED reservation")
            UUID reservationId,

            @Schema(required = true, format = "uuid", description = "its ticket")
            UUID ticketId,

            @Schema(
                    nullable = true,
                    description = "the ticket's signed code, to print (as text or a QR code) for the buyer; "
                            + "signed now, never stored; null when the ticket is VOID (refunded)",
                    example = ApiDocumentation.TICKET_CODE_EXAMPLE)
            String code,

            @Schema(required = true, format = "int64", minimum = "0", example = "84000")
            long price) {}

    @RegisterForReflection
    @Schema(name = "BoxOfficeTerminal", description = "The card approval a box-office sale recorded")
    public record TerminalResponse(
            @Schema(required = true, example = "welcome-offline")
            String provider,

            @Schema(required = true, example = "30012345") String approvalNo,
            @Schema(required = true, example = "T0001") String terminalId,
            @Schema(required = true, description = "UTC") Instant approvedAt) {}
}
