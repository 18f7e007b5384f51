package adapters.rest;

import application.wallet.port.in.ChargeWalletUseCase;
import application.wallet.port.in.CreateTopUpOrderUseCase;
import application.wallet.port.in.GetTopUpUseCase;
import application.wallet.port.in.GetWalletUseCase;
import application.wallet.port.in.ListWalletTransactionsUseCase;
import com.fasterxml.jackson.annotation.JsonInclude;
import domain.shared.InvalidValueException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/wallet")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WalletResource {
    private static final int DEFAULT_LIMIT = 50;
    static final String CHARGES = "/api/v1/wallet/charges/";

    private final GetWalletUseCase getWallet;
    private final ChargeWalletUseCase charge;
    private final ListWalletTransactionsUseCase listTransactions;
    private final GetTopUpUseCase getTopUp;
    private final CreateTopUpOrderUseCase createTopUpOrder;
    private final CurrentUser user;

    public WalletResource(
            GetWalletUseCase getWallet,
            ChargeWalletUseCase charge,
            ListWalletTransactionsUseCase listTransactions,
            GetTopUpUseCase getTopUp,
            CreateTopUpOrderUseCase createTopUpOrder,
            CurrentUser user) {
        this.getWallet = getWallet;
        this.charge = charge;
        this.listTransactions = listTransactions;
        this.getTopUp = getTopUp;
        this.createTopUpOrder = createTopUpOrder;
        this.user = user;
    }

    @GET
    public WalletResponse wallet() {
        return new WalletResponse(getWallet.get(user.id()).balance().won());
    }

    @POST
    @Path("/charges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("wallet-charge")
    public Uni<Response> charge(
            @Valid @NotNull(message = "a JSON body is required") ChargeRequest request,
            @HeaderParam(PaymentResource.IDEMPOTENCY_KEY) String idempotencyKey) {
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
            return Response.accepted(ChargeResponse.pending(topUpId))
                    .location(URI.create(CHARGES + topUpId))
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
    public Response createTopUpOrder(@Valid @NotNull(message = "a JSON body is required") TopUpOrderRequest request) {
        TopUpOrder order = createTopUpOrder.create(user.id(), request.amount());
        return Response.status(Response.Status.CREATED)
                .entity(new TopUpOrderResponse(order.id(), order.amount().won(), order.expiresAt()))
                .build();
    }

    public record TopUpOrderRequest(
            @NotNull @Min(1) @Max(10_000_000) Long amount) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    public record TopUpOrderResponse(String orderId, long amount, Instant expiresAt) {}

    /** A top-up's state; a PENDING one is checked with its PG first (and settled if the PG has decided). */
    @GET
    @Path("/charges/{topUpId}")
    public TopUpResponse topUp(@PathParam("topUpId") String topUpId) {
        return TopUpResponse.from(getTopUp.get(user.id(), ReservationResource.uuidOrNotFound("top-up", topUpId)));
    }

    @GET
    @Path("/transactions")
    public List<TransactionResponse> transactions(@QueryParam("limit") String limit) {
        return listTransactions.list(user.id(), parseLimit(limit)).stream()
                .map(TransactionResponse::from)
                .toList();
    }

    private static int parseLimit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(
                    "limit", "limit is a whole number between 1 and " + ListWalletTransactionsUseCase.MAX_LIMIT);
        }
    }

    public record WalletResponse(long balance) {}

    /**
     * {@code payment} is required when payment gateways are configured or direct charges are off
     * ({@code wallet.direct-charges.enabled}); its {@code orderId} is one of the caller's open top-up orders.
     */
    public record ChargeRequest(
            @NotNull @Min(1) @Max(10_000_000) Long amount,
            @Valid Payment payment) {

        /** A payment the client authorised with a PG (Toss: paymentKey and orderId of the success redirect). */
        public record Payment(
                @NotNull @Size(min = 1, max = 32) String provider,

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
    public record ChargeResponse(UUID id, Long amount, Long balance, UUID topUpId, TopUpStatus status) {
        static ChargeResponse pending(UUID topUpId) {
            return new ChargeResponse(null, null, null, topUpId, TopUpStatus.PENDING);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TopUpResponse(
            UUID topUpId,
            TopUpStatus status,
            long amount,
            String provider,
            String paymentKey,
            String orderId,
            UUID transactionId,
            String failureCode,
            String failureMessage,
            Instant approvedAt,
            Instant createdAt) {
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

    public record TransactionResponse(
            UUID id, TransactionType type, long amount, long balanceAfter, Instant createdAt) {
        static TransactionResponse from(WalletTransaction t) {
            return new TransactionResponse(
                    t.id(), t.type(), t.amount().won(), t.balanceAfter().won(), t.createdAt());
        }
    }
}
