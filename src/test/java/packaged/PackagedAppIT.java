package packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Management;
import support.Tokens;

/**
 * The packaged artifact over HTTP, with the prod profile: the JVM jar here, the native executable
 * where one is built ({@code ./mvnw verify -Dnative}). Everything it needs at run time (Lua
 * scripts, migrations, reflection for the JSON it writes) must be in the package.
 */
@QuarkusIntegrationTest
@TestProfile(DirectChargesProfile.class) // aWholeBookingWorks charges a wallet without a PG
class PackagedAppIT {

    @Test
    void isReadyWithBothStores() {
        Management.given().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/health/live").then().statusCode(200);
    }

    @Test
    void aWholeBookingWorks() {
        Api.ConcertFixture concert = Api.createConcert(1, 5, 42000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        Api.asUser(user, token)
                .get("/api/v1/schedules/" + concert.schedule() + "/seats")
                .then()
                .statusCode(200)
                .body("size()", equalTo(5));
        String reservation = Api.holdOk(user, token, concert.schedule(), 4);
        Api.charge(user, 50000);

        var paid = Api.pay(user, reservation, "it-" + UUID.randomUUID());

        assertEquals(201, paid.statusCode(), paid.asString());
        assertEquals(8000, paid.jsonPath().getLong("balance"));
        Api.asUser(user).get("/api/v1/reservations/" + reservation).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void errorsAreProblemDetails() {
        given().get("/api/v1/wallet").then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().get("/nowhere").then().statusCode(404).contentType(startsWith("application/problem+json"));
        Api.asUser(Tokens.newUserId())
                .contentType("application/json")
                .body("{\"amount\":1.5}")
                .header("Idempotency-Key", "k")
                .post("/api/v1/wallet/charges")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/api/v1/payments"));
    }
}
