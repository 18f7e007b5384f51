package packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Api.as;
import static support.Api.asUser;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import support.Api;
import support.TestInfrastructure;
import support.Tokens;

/**
 * The packaged application in the prod profile loses its Redis state (the test deletes every key of
 * the run's prefix over its own Redis connection, as a restart without persistence would; never
 * FLUSHALL on the shared server): a paused sale stays paused, and fans who come back with their
 * tokens keep their places, newcomers behind them (issue #15 point 6, D32-D34). The scheduler runs
 * here (admission every second); the test also triggers a round itself.
 */
@QuarkusIntegrationTest
class RedisLossIT {

    private static void loseRedis() throws IOException {
        TestInfrastructure.deleteRedisKeys(TestInfrastructure.KEY_PREFIX);
    }

    private static void admissionRound() {
        as(Tokens.admin()).post("/api/v1/admin/jobs/queue-admission/run").then().statusCode(200);
    }

    private static String token(ExtractableResponse<Response> entered) {
        return entered.jsonPath().getString("token");
    }

    private static ExtractableResponse<Response> poll(String user, String token) {
        return asUser(user, token).get("/api/v1/queue/token").then().extract();
    }

    private static int position(String user, String token) {
        ExtractableResponse<Response> polled = poll(user, token);
        assertEquals(200, polled.statusCode(), polled.asString());
        return polled.jsonPath().getInt("position");
    }

    @Test
    void aPausedSaleIsStillPausedAfterTheRedisKeysAreGone() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String waiting = Tokens.newUserId();
        String waitingToken = token(Api.enter(waiting, concert));

        loseRedis();
        String newcomer = Tokens.newUserId();
        ExtractableResponse<Response> entered = Api.enter(newcomer, concert);
        admissionRound();

        assertEquals(201, entered.statusCode(), entered.asString());
        assertEquals("WAITING", entered.jsonPath().getString("status"));
        assertEquals("WAITING", poll(newcomer, token(entered)).jsonPath().getString("status"));
        assertEquals(1, position(waiting, waitingToken));
        ExtractableResponse<Response> room = as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .extract();
        assertEquals(0, room.jsonPath().getInt("maxActive"), room.asString());
        assertEquals(0, room.jsonPath().getInt("active"), room.asString());
    }

    @Test
    void aReturningFanKeepsTheirPlace() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String a = Tokens.newUserId();
        String b = Tokens.newUserId();
        String c = Tokens.newUserId();
        String aToken = token(Api.enter(a, concert));
        String bToken = token(Api.enter(b, concert));
        String cToken = token(Api.enter(c, concert));

        loseRedis();
        assertEquals(1, position(c, cToken));
        assertEquals(1, position(a, aToken));
        String d = Tokens.newUserId();
        ExtractableResponse<Response> newcomer = Api.enter(d, concert);
        ExtractableResponse<Response> back = asUser(b, bToken)
                .post("/api/v1/concerts/" + concert + "/queue/tokens")
                .then()
                .extract();

        assertEquals(3, newcomer.jsonPath().getInt("position"), newcomer.asString());
        assertEquals(200, back.statusCode(), back.asString());
        assertEquals(bToken, token(back));
        assertEquals(1, position(a, aToken));
        assertEquals(2, position(b, bToken));
        assertEquals(3, position(c, cToken));
        assertEquals(4, position(d, token(newcomer)));
    }
}
