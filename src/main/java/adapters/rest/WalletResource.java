package adapters.rest;

import application.wallet.ChargeWalletUseCase;
import application.wallet.GetWalletUseCase;
import application.wallet.ListWalletTransactionsUseCase;
import domain.shared.InvalidValueException;
import domain.wallet.TransactionType;
import domain.wallet.WalletTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/wallet")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WalletResource {
    private static final int DEFAULT_LIMIT = 50;

    private final GetWalletUseCase getWallet;
    private final ChargeWalletUseCase charge;
    private final ListWalletTransactionsUseCase listTransactions;
    private final CurrentUser user;

    public WalletResource(
            GetWalletUseCase getWallet,
            ChargeWalletUseCase charge,
            ListWalletTransactionsUseCase listTransactions,
            CurrentUser user) {
        this.getWallet = getWallet;
        this.charge = charge;
        this.listTransactions = listTransactions;
        this.user = user;
    }

    @GET
    public WalletResponse wallet() {
        return new WalletResponse(getWallet.get(user.id()).balance().won());
    }

    @POST
    @Path("/charges")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response charge(
            @Valid @NotNull(message = "a JSON body is required") ChargeRequest request,
            @HeaderParam(PaymentResource.IDEMPOTENCY_KEY) String idempotencyKey) {
        ChargeWalletUseCase.Result result =
                charge.charge(new ChargeWalletUseCase.Command(user.id(), request.amount(), idempotencyKey));
        WalletTransaction entry = result.transaction();
        return Response.status(Response.Status.CREATED)
                .entity(new ChargeResponse(
                        entry.id(), entry.amount().won(), entry.balanceAfter().won()))
                .header(PaymentResource.REPLAYED, result.replayed())
                .build();
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

    public record ChargeRequest(
            @NotNull @Min(1) @Max(10_000_000) Long amount) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    public record ChargeResponse(UUID id, long amount, long balance) {}

    public record TransactionResponse(
            UUID id, TransactionType type, long amount, long balanceAfter, Instant createdAt) {
        static TransactionResponse from(WalletTransaction t) {
            return new TransactionResponse(
                    t.id(), t.type(), t.amount().won(), t.balanceAfter().won(), t.createdAt());
        }
    }
}
