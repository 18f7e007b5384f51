package packaged;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Tokens;

/**
 * The packaged app with the prod profile's defaults and no payment gateway: money cannot enter a
 * wallet without a verified source (issue #15, point 1). The gateway flows are in cluster.MoneyIT.
 */
@QuarkusIntegrationTest
class MoneyDefaultsIT {

    @Test
    void aChargeWithoutAConfirmedPaymentIsRefusedAndCreditsNothing() {
        String user = Tokens.newUserId();

        Api.asUser(user)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "free-" + UUID.randomUUID())
                .body("{\"amount\":1000000}")
                .post("/api/v1/wallet/charges")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:concert-booking:problem:invalid-input"))
                .body("errors[0].field", equalTo("payment"));

        assertEquals(0, Api.balance(user));
        Api.asUser(user)
                .get("/api/v1/wallet/transactions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void withoutAGatewayNoOrderIsOpenedAndNothingConfirmsACharge() {
        String user = Tokens.newUserId();
        // nothing could pay an order: refused up front (D68)
        Api.asUser(user)
                .contentType(ContentType.JSON)
                .body("{\"amount\":5000}")
                .post("/api/v1/wallet/top-ups")
                .then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:concert-booking:problem:top-ups-not-configured"));

        Api.asUser(user)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "pg-" + UUID.randomUUID())
                .body("{\"amount\":5000,\"payment\":{\"provider\":\"toss\",\"paymentKey\":\"pk_x\",\"orderId\":"
                        + "\"ord_made_up_by_the_client\"}}")
                .post("/api/v1/wallet/charges")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("payment.provider"));

        assertEquals(0, Api.balance(user));
    }
}
