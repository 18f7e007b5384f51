package packaged;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Management;
import support.Tokens;

/**
 * The limits of the packaged application in the prod profile, with its default settings: a fan
 * entering a line over and over is refused with 429 and Retry-After (rate-limit.queue-entry: burst
 * 5, then one per second), and a body over 64 KiB is 413, both as problem+json.
 */
@QuarkusIntegrationTest
class LimitsPackagedIT {

    @Test
    void aFanHammeringQueueEntryGets429WithRetryAfter() {
        long concert = Api.createConcert(1, 1, 1000).id();
        String user = Tokens.newUserId();
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(Api.enter(user, concert));
        }

        List<Integer> statuses =
                answers.stream().map(ExtractableResponse::statusCode).toList();
        assertEquals(201, statuses.getFirst(), statuses::toString);
        assertTrue(statuses.subList(0, 5).stream().allMatch(s -> s / 100 == 2), statuses::toString);
        ExtractableResponse<Response> refused = answers.stream()
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in " + statuses));
        assertTrue(statuses.stream().allMatch(s -> s / 100 == 2 || s == 429), statuses::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(
                "urn:concert-booking:problem:rate-limited", refused.jsonPath().getString("type"));
        assertEquals("1", refused.header("Retry-After"), "one entry per second: Retry-After rounds up to 1");
    }

    @Test
    void aBodyOver64KiBIs413ProblemJson() {
        StringBuilder body = new StringBuilder("{\"amount\":100,\"padding\":\"");
        body.append("x".repeat(64 * 1024));
        body.append("\"}");

        Api.asUser(Tokens.newUserId())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json")
                .body(body.toString())
                .post("/api/v1/wallet/charges")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:concert-booking:problem:body-too-large"));
        Management.given().get("/health/live").then().statusCode(200);
    }
}
