package adapters.rest;

import application.shared.Page;
import application.wallet.port.in.ChargeWalletUseCase;
import application.wallet.port.in.CreateTopUpOrderUseCase;
import application.wallet.port.in.GetTopUpUseCase;
import application.wallet.port.in.GetWalletUseCase;
import application.wallet.port.in.ListWalletTransactionsUseCase;
import com.fasterxml.jackson.annotation.JsonInclude;
import domain.topup.TopUp;
import domain.topup.TopUpOrder;
import domain.topup.TopUpStatus;
import domain.wallet.TransactionType;
import domain.wallet.WalletTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/wallet")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ApiDocumentation.WALLET)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class WalletResource {
    /** The ledger's name inside its cursors. */
    private static final String TRANSACTIONS = "wallet-transactions";

    static final String CHARGES = "/api/v1/wallet/charges/";

    private final GetWalletUseCase getWallet;
    private final ChargeWalletUseCase charge;
    private final ListWalletTransactionsUseCase listTransactions;
    private final GetTopUpUseCase getTopUp;
    private final CreateTopUpOrderUseCase createTopUpOrder;
    private final CurrentUser user;
    private final Pagination pagination;

    public WalletResource(
            GetWalletUseCase getWallet,
            ChargeWalletUseCase charge,
            ListWalletTransactionsUseCase listTransactions,
            GetTopUpUseCase getTopUp,
            CreateTopUpOrderUseCase createTopUpOrder,
            CurrentUser user,
            Pagination pagination) {
        this.pagination = pagination;
        this.getWallet = getWallet;
        this.charge = charge;
        this.listTransactions = listTransactions;
        this.getTopUp = getTopUp;
        this.createTopUpOrder = createTopUpOrder;
        this.user = user;
    }

    @GET
    @Operation(operationId = "getWallet", summary = "Read the balance", description = "0 for a new user.")
    @APIResponse(
            responseCode = "200",
            description = "The caller's wallet",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = WalletResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public WalletResponse wallet() {
        return new WalletResponse(getWallet.get(user.id()).balance().won());
    }

    @POST
    @Path("/charges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("wallet-charge")
    @Operation(
            operationId = "chargeWallet",
            summary = "Top up the wallet",
            description = "With payment: confirms the gateway payment the client authorised for one of the "
                    + "caller's open top-up orders (createTopUpOrder) of the same amount, and credits the wallet "
                    + "(201), or answers 202 PENDING when the gateway has not answered (read the Location until "
                    + "it settles). Without payment: credits the wallet only where direct charges are enabled "
                    + "(wallet.direct-charges.enabled, dev and test) and no gateway is configured; otherwise 400. "
                    + "A repeat with the same Idempotency-Key and body returns the first answer again. Counted in "
                    + "rate-limit.wallet-charge (fails open).")
    @RequestBody(
            required = true,
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = ChargeRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Credited (or the stored answer to the same Idempotency-Key)",
            headers = @Header(name = ApiDocumentation.REPLAYED, ref = ApiDocumentation.REPLAYED),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = ChargeResponse.class)))
    @APIResponse(
            responseCode = "202",
            description = "The gateway has not answered: nothing credited yet; topUpId and status PENDING only",
            headers = {
                @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
                @Header(name = ApiDocumentation.REPLAYED, ref = ApiDocumentation.REPLAYED)
            },
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = ChargeResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "The payment's orderId is no open top-up order of the caller's: "
                    + "urn:concert-booking:problem:not-found; the gateway is not called",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The Idempotency-Key was used with another body, the gateway payment was used before, "
                    + "or the top-up order is used, expired or of another amount: urn:concert-booking:problem:"
                    + "idempotency-key-reused, payment-already-used, top-up-order-used, top-up-order-expired, "
                    + "top-up-order-amount-mismatch; no money moves",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(
            responseCode = "422",
            description = "The gateway declined the payment: urn:concert-booking:problem:payment-declined, with "
                    + "the gateway's code and message; nothing credited",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemMapper.PaymentDeclinedProblem.class)))
    @APIResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<Response> charge(
            @Valid @NotNull(message = "a JSON body is required") ChargeRequest request,
            @Parameter(ref = ApiDocumentation.IDEMPOTENCY_KEY_PARAMETER) @HeaderParam(PaymentResource.IDEMPOTENCY_KEY)
                    String idempotencyKey) {
        ChargeRequest.Payment payment = request.payment();
        ChargeWalletUseCase.Command command = new ChargeWalletUseCase.Command(
                user.id(),
                request.amount(),
                idempotencyKey,
                payment == null
                        ? null
                        : new ChargeWalletUseCase.GatewayPayment(
                                payment.provider(), payment.paymentKey(), payment.orderId()));
        return Worker.run(() -> charge.charge(command)).map(WalletResource::charged);
    }

    private static Response charged(ChargeWalletUseCase.Result result) {
        if (result.pending()) {
            // the PG has not answered yet: nothing credited; the Location tells where to ask again
            UUID topUpId = result.topUp().id();
            return Locations.at(Response.accepted(ChargeResponse.pending(topUpId)), CHARGES + topUpId)
                    .header(PaymentResource.REPLAYED, result.replayed())
                    .build();
        }
        WalletTransaction entry = result.transaction();
        return Response.status(Response.Status.CREATED)
                .entity(new ChargeResponse(
                        entry.id(),
                        entry.amount().won(),
                        entry.balanceAfter().won(),
                        result.topUp() == null ? null : result.topUp().id(),
                        TopUpStatus.APPROVED))
                .header(PaymentResource.REPLAYED, result.replayed())
                .build();
    }

    /**
     * Opens a top-up order for the caller: {@code orderId} is what the client hands the PG, and the
     * charge that follows must carry it with the same amount, before {@code expiresAt}, once.
     */
    @POST
    @Path("/top-ups")
    @RateLimited("wallet-top-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createTopUpOrder",
            summary = "Open a top-up order",
            description = "The orderId to hand the payment gateway; the charge that follows must carry it with the "
                    + "same amount, before expiresAt, once. A user may hold wallet.top-up-orders.max-open open "
                    + "orders. Counted in rate-limit.wallet-top-up (fails open).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = TopUpOrderRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The order",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = TopUpOrderResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "409",
            description = "The caller has the most open orders allowed: "
                    + "urn:concert-booking:problem:top-up-order-too-many-open; or no payment gateway is "
                    + "configured, so nothing could pay an order: urn:concert-booking:problem:top-ups-not-configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response createTopUpOrder(@Valid @NotNull(message = "a JSON body is required") TopUpOrderRequest request) {
        TopUpOrder order = createTopUpOrder.create(user.id(), request.amount());
        return Response.status(Response.Status.CREATED)
                .entity(new TopUpOrderResponse(order.id(), order.amount().won(), order.expiresAt()))
                .build();
    }

    @Schema(name = "TopUpOrderRequest", description = "The amount to top up")
    public record TopUpOrderRequest(
            @Schema(format = "int64", description = "KRW", example = "50000") @NotNull @Min(1) @Max(10_000_000)
            Long amount) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "TopUpOrder", description = "An order to pay once through a payment gateway")
    public record TopUpOrderResponse(
            @Schema(required = true, description = "hand it to the gateway as its order id", example = "tu-9c2f4e")
            String orderId,

            @Schema(required = true, format = "int64", minimum = "1", description = "KRW", example = "50000")
            long amount,

            @Schema(required = true, description = "the order can be paid until then (UTC)")
            Instant expiresAt) {}

    /** A top-up's state; a PENDING one is checked with its PG first (and settled if the PG has decided). */
    @GET
    @Path("/charges/{topUpId}")
    @Operation(
            operationId = "getTopUp",
            summary = "Read a top-up",
            description = "The caller's top-up; a PENDING one is settled first by asking its gateway.")
    @APIResponse(
            responseCode = "200",
            description = "The top-up",
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = TopUpResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "No such top-up, or not the caller's: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public TopUpResponse topUp(
            @Parameter(
                            description = "the top-up's id (topUpId of chargeWallet)",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("topUpId")
                    String topUpId) {
        return TopUpResponse.from(getTopUp.get(user.id(), ReservationResource.uuidOrNotFound("top-up", topUpId)));
    }

    @GET
    @Path("/transactions")
    @Operation(
            operationId = "listWalletTransactions",
            summary = "List the wallet's ledger",
            description = "Every balance change is one line, newest first, a page at a time: when more follow, "
                    + "the Link header names the next page (rel=\"next\"); follow it until it is absent to read "
                    + "each line exactly once, also while new lines are written.")
    @APIResponse(
            responseCode = "200",
            description = "One page of lines, newest first",
            headers = @Header(name = ApiDocumentation.LINK, ref = ApiDocumentation.LINK),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = TransactionResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response transactions(
            @Parameter(ref = ApiDocumentation.LIMIT_PARAMETER) @QueryParam(Pagination.LIMIT) String limit,
            @Parameter(ref = ApiDocumentation.CURSOR_PARAMETER) @QueryParam(PageCursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        Page<WalletTransaction> page =
                listTransactions.list(user.id(), pagination.request(TRANSACTIONS, limit, cursor));
        return pagination.ok(
                page.items().stream().map(TransactionResponse::from).toList(), page, TRANSACTIONS, uri);
    }

    @Schema(name = "Wallet", description = "The caller's wallet")
    public record WalletResponse(
            @Schema(required = true, format = "int64", minimum = "0", description = "KRW", example = "8000")
            long balance) {}

    /**
     * {@code payment} is required when payment gateways are configured or direct charges are off
     * ({@code wallet.direct-charges.enabled}); its {@code orderId} is one of the caller's open top-up orders.
     */
    @Schema(name = "ChargeRequest", description = "A top-up of the caller's wallet")
    public record ChargeRequest(
            @Schema(format = "int64", description = "KRW", example = "50000") @NotNull @Min(1) @Max(10_000_000)
            Long amount,

            @Schema(
                    description =
                            "the gateway payment; required when a gateway is configured or direct charges " + "are off")
            @Valid
            Payment payment) {

        /** A payment the client authorised with a PG (Toss: paymentKey and orderId of the success redirect). */
        @Schema(name = "GatewayPayment", description = "A payment the client authorised with a payment gateway")
        public record Payment(
                @Schema(description = "the gateway's name in payments.providers", example = "toss")
                @NotNull
                @Size(min = 1, max = 32)
                String provider,

                @NotNull @Size(min = 1, max = 200) @Pattern(regexp = VISIBLE_ASCII, message = VISIBLE_ASCII_MESSAGE)
                String paymentKey,

                @NotNull @Size(min = 1, max = 64) @Pattern(regexp = VISIBLE_ASCII, message = VISIBLE_ASCII_MESSAGE)
                String orderId) {}
    }

    private static final String VISIBLE_ASCII = "[\\x21-\\x7E]*";
    private static final String VISIBLE_ASCII_MESSAGE = "visible ASCII characters only, no spaces";

    /**
     * A credited charge (201: {@code id} is its ledger line, {@code topUpId} its PG top-up if any)
     * or a top-up the PG has not answered yet (202: {@code topUpId} and PENDING only). Returned
     * inside a {@code Response}, so registered for reflection explicitly (native image).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Charge",
            description = "201: a credited charge (id, amount, balance; topUpId when through a gateway). "
                    + "202: topUpId and status PENDING only")
    public record ChargeResponse(
            @Schema(format = "uuid", description = "the ledger line (201 only)")
            UUID id,

            @Schema(format = "int64", minimum = "1", description = "KRW credited (201 only)", example = "50000")
            Long amount,

            @Schema(format = "int64", minimum = "0", description = "the balance after it (201 only)")
            Long balance,

            @Schema(format = "uuid", description = "the gateway top-up, when there is one")
            UUID topUpId,

            @Schema(
                    required = true,
                    enumeration = {"APPROVED", "PENDING"})
            TopUpStatus status) {
        static ChargeResponse pending(UUID topUpId) {
            return new ChargeResponse(null, null, null, topUpId, TopUpStatus.PENDING);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TopUp", description = "A top-up through a payment gateway")
    public record TopUpResponse(
            @Schema(required = true, format = "uuid") UUID topUpId,
            @Schema(required = true) TopUpStatus status,

            @Schema(required = true, format = "int64", minimum = "1", description = "KRW", example = "50000")
            long amount,

            @Schema(required = true, example = "toss") String provider,
            @Schema(required = true) String paymentKey,
            @Schema(required = true) String orderId,

            @Schema(format = "uuid", description = "the ledger line, once APPROVED")
            UUID transactionId,

            @Schema(description = "the gateway's code, once DECLINED")
            String failureCode,

            @Schema(description = "the gateway's message, once DECLINED")
            String failureMessage,

            @Schema(description = "when the gateway approved it (UTC)")
            Instant approvedAt,

            @Schema(required = true) Instant createdAt) {
        static TopUpResponse from(TopUp t) {
            return new TopUpResponse(
                    t.id(),
                    t.status(),
                    t.amount().won(),
                    t.provider(),
                    t.paymentKey(),
                    t.orderId(),
                    t.transactionId(),
                    t.failureCode(),
                    t.failureMessage(),
                    t.approvedAt(),
                    t.createdAt());
        }
    }

    @Schema(name = "WalletTransaction", description = "One balance change")
    public record TransactionResponse(
            @Schema(required = true, format = "uuid") UUID id,
            @Schema(required = true) TransactionType type,

            @Schema(required = true, format = "int64", description = "KRW moved", example = "50000")
            long amount,

            @Schema(required = true, format = "int64", minimum = "0", description = "the balance after it")
            long balanceAfter,

            @Schema(required = true) Instant createdAt) {
        static TransactionResponse from(WalletTransaction t) {
            return new TransactionResponse(
                    t.id(), t.type(), t.amount().won(), t.balanceAfter().won(), t.createdAt());
        }
    }
}
