package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.CommitCutter;
import support.Db;
import support.TestInfrastructure;
import support.Tokens;

/**
 * PostgreSQL going away while a payment commits (the connection dies between the last statement
 * and the commit): the answer is 503 with Retry-After, never a 500, and a retry with the same
 * Idempotency-Key gives the one true outcome — the payment had not committed, so it runs now, once.
 */
@QuarkusTest
class CommitFailureTest {

    @AfterEach
    void restore() {
        CommitCutter.disarm();
        TestInfrastructure.postgresProxy().restore();
    }

    @Test
    void aPaymentWhoseCommitFailsIsA503AndTheRetryPaysOnce() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 30000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        String reservation = Api.holdOk(user, token, concert.schedule(), 2);
        Api.charge(user, 50000);
        String key = "pay-" + UUID.randomUUID();

        CommitCutter.armOnce();
        ExtractableResponse<Response> failed = Api.pay(user, reservation, key);
        TestInfrastructure.postgresProxy().restore();

        assertTrue(CommitCutter.fired(), "the connection was cut at commit time");
        assertProblem(failed.response().then(), 503, "dependency-unavailable").header("Retry-After", equalTo("5"));
        assertEquals(0, Db.count("SELECT count(*) FROM payment WHERE reservation_id = ?::uuid", reservation));

        ExtractableResponse<Response> retried = awaitAnswer(() -> Api.pay(user, reservation, key));
        assertEquals(201, retried.statusCode(), retried.asString());
        assertEquals("false", retried.header("Idempotent-Replayed"), "it had not committed: it ran now");
        assertEquals(20000, retried.jsonPath().getLong("balance"));

        ExtractableResponse<Response> replay = Api.pay(user, reservation, key);
        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(retried.jsonPath().getString("id"), replay.jsonPath().getString("id"));
        assertEquals(1, Db.count("SELECT count(*) FROM payment WHERE reservation_id = ?::uuid", reservation));
        Api.asUser(user).get("/api/v1/wallet").then().body("balance", equalTo(20000));
    }

    /** The pool's connections died with the cut; the first calls after it may still meet one (503). */
    private static ExtractableResponse<Response> awaitAnswer(
            java.util.function.Supplier<ExtractableResponse<Response>> call) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            ExtractableResponse<Response> response = call.get();
            if (response.statusCode() != 503 || Instant.now().isAfter(deadline)) {
                return response;
            }
            Thread.onSpinWait();
        }
    }
}
