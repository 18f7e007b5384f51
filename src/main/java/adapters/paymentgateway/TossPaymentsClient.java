package adapters.paymentgateway;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A PG with Toss Payments' API shape. Built once per provider by {@link TossPaymentGateway} (its
 * own base URL and timeouts); answers are read by status, so the default error mapper is off.
 */
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public interface TossPaymentsClient {

    /** 200 with a {@link TossDtos.Payment}, or 4xx with a {@link TossDtos.Failure}. */
    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    Response confirm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, TossDtos.ConfirmRequest request);

    @GET
    @Path("/{paymentKey}")
    Response payment(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("paymentKey") String paymentKey);
}
