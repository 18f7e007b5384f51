package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static support.Api.as;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import adapters.scheduler.ScheduledJobs;
import application.jobs.port.in.RunJobUseCase;
import domain.queue.QueueToken;
import domain.queue.QueueTokenClaims;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import support.Api;
import support.TestInfrastructure;
import support.Tokens;

/**
 * Redis is a copy (issue #15 point 6, decisions D32-D34): the run's Redis keys are deleted (as a
 * restart without persistence does; never FLUSHALL, the server is shared), and the caps come back
 * from PostgreSQL while fans who return with their signed tokens get their places back.
 */
@QuarkusTest
class RedisLossContractTest {
    @Inject
    ScheduledJobs jobs;

    @Inject
    RedisDataSource redis;

    @Inject
    application.queue.port.out.QueueStore queue;

    private static void loseRedis() throws IOException {
        TestInfrastructure.deleteRedisKeys(TestInfrastructure.KEY_PREFIX);
    }

    private void admitWaitingFans() {
        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);
    }

    private static String token(ExtractableResponse<Response> entered) {
        return entered.jsonPath().getString("token");
    }

    private static io.restassured.response.ValidatableResponse poll(String user, String token) {
        return asUser(user, token).get("/api/v1/queue/token").then();
    }

    private static int position(String user, String token) {
        ExtractableResponse<Response> polled = poll(user, token).extract();
        assertEquals(200, polled.statusCode(), polled.asString());
        return polled.jsonPath().getInt("position");
    }

    @Test
    void aCapIsStoredAndComesBackAfterRedisLosesIt() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 1);
        String first = Tokens.newUserId();
        String second = Tokens.newUserId();
        String third = Tokens.newUserId();
        String firstToken = Api.enterActive(first, concert);
        String secondToken = token(Api.enter(second, concert));
        String thirdToken = token(Api.enter(third, concert));

        loseRedis();

        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .statusCode(200)
                .body("maxActive", equalTo(1));
        // the three come back (the ACTIVE one first in line: it arrived first), one is let in, not all
        assertEquals(1, position(first, firstToken));
        assertEquals(2, position(second, secondToken));
        assertEquals(3, position(third, thirdToken));
        admitWaitingFans();

        poll(first, firstToken).body("status", equalTo("ACTIVE"));
        poll(second, secondToken).body("status", equalTo("WAITING")).body("position", equalTo(1));
        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .body("active", equalTo(1))
                .body("waiting", equalTo(2))
                .body("maxActive", equalTo(1));
        // the admission round copied the stored cap back into Redis
        assertEquals(
                "1",
                redis.execute("GET", TestInfrastructure.KEY_PREFIX + "{c" + concert + "}:max-active")
                        .toString());
    }

    @Test
    void anOlderCopyOfTheCapNeverOverwritesANewerOne() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 5);
        Api.setMaxActive(concert, 3);
        String room = TestInfrastructure.KEY_PREFIX + "{c" + concert + "}:";

        queue.setMaxActive(concert, 5, 1); // a late writer holding version 1

        assertEquals("3", redis.execute("GET", room + "max-active").toString());
        assertEquals("2", redis.execute("GET", room + "max-active-version").toString());
        loseRedis();
        Api.enter(Tokens.newUserId(), concert); // puts the room in the registry again
        admitWaitingFans();
        assertEquals("3", redis.execute("GET", room + "max-active").toString());
        assertEquals("2", redis.execute("GET", room + "max-active-version").toString());
    }

    @Test
    void aPausedSaleIsStillPausedAfterRedisLosesIt() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String waiting = Tokens.newUserId();
        String waitingToken = token(Api.enter(waiting, concert));

        loseRedis();
        String newcomer = Tokens.newUserId();
        ExtractableResponse<Response> entered = Api.enter(newcomer, concert);
        admitWaitingFans();

        assertEquals(201, entered.statusCode());
        assertEquals("WAITING", entered.jsonPath().getString("status"), "an empty room must not let anyone in");
        assertEquals(1, position(waiting, waitingToken));
        assertEquals(2, position(newcomer, token(entered)));
        admitWaitingFans();
        poll(newcomer, token(entered)).body("status", equalTo("WAITING"));
        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .body("active", equalTo(0))
                .body("waiting", equalTo(2))
                .body("maxActive", equalTo(0));
    }

    @Test
    void returningFansKeepTheirPlacesAndNewcomersQueueBehindThem() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String a = Tokens.newUserId();
        String b = Tokens.newUserId();
        String c = Tokens.newUserId();
        String aToken = token(Api.enter(a, concert));
        String bToken = token(Api.enter(b, concert));
        String cToken = token(Api.enter(c, concert));

        loseRedis();

        assertEquals(1, position(c, cToken), "C is back first");
        assertEquals(1, position(a, aToken), "A arrived before C");
        assertEquals(2, position(c, cToken));
        String d = Tokens.newUserId();
        ExtractableResponse<Response> newcomer = Api.enter(d, concert);
        assertEquals(3, newcomer.jsonPath().getInt("position"), "a newcomer queues behind the fans who came back");
        // B enters again presenting the old token: the same token, at B's own place
        ExtractableResponse<Response> back = asUser(b, bToken)
                .post("/api/v1/concerts/" + concert + "/queue/tokens")
                .then()
                .extract();
        assertEquals(200, back.statusCode(), back.asString());
        assertEquals(bToken, token(back));
        assertEquals(2, back.jsonPath().getInt("position"));

        assertEquals(1, position(a, aToken));
        assertEquals(2, position(b, bToken));
        assertEquals(3, position(c, cToken));
        assertEquals(4, position(d, token(newcomer)));
    }

    @Test
    void aFanWhoEnteredAgainAfterTheLossTakesTheOldPlaceBackWithTheOldToken() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String a = Tokens.newUserId();
        String b = Tokens.newUserId();
        String aOld = token(Api.enter(a, concert));
        String bToken = token(Api.enter(b, concert));

        loseRedis();
        assertEquals(1, position(b, bToken));
        ExtractableResponse<Response> again = Api.enter(a, concert);
        assertEquals(201, again.statusCode());
        assertEquals(2, again.jsonPath().getInt("position"));

        assertEquals(1, position(a, aOld), "the old token wins: A arrived before B");
        assertEquals(2, position(b, bToken));
        assertProblem(asUser(a, token(again)).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
    }

    @Test
    void anActiveFanComesBackWaitingAtTheFrontAndIsLetInAgain() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 1);
        String fan = Tokens.newUserId();
        String token = Api.enterActive(fan, concert);
        String later = Tokens.newUserId();
        String laterToken = token(Api.enter(later, concert));

        loseRedis();

        assertProblem(
                asUser(fan, token)
                        .get("/api/v1/concerts/" + concert + "/schedules")
                        .then(),
                403,
                "queue-token-waiting");
        assertEquals(2, position(later, laterToken), "the later fan comes back behind the ACTIVE one");
        admitWaitingFans();
        asUser(fan, token)
                .get("/api/v1/concerts/" + concert + "/schedules")
                .then()
                .statusCode(200);
        poll(later, laterToken).body("status", equalTo("WAITING")).body("position", equalTo(1));
    }

    @Test
    void aTokenComesBackOnceAndATokenThatEndedStaysEnded() throws IOException {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String leaver = Tokens.newUserId();
        String leaverToken = token(Api.enter(leaver, concert));
        asUser(leaver, leaverToken).delete("/api/v1/queue/token").then().statusCode(204);
        assertProblem(asUser(leaver, leaverToken).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");

        String fan = Tokens.newUserId();
        String fanToken = token(Api.enter(fan, concert));
        loseRedis();
        assertEquals(1, position(fan, fanToken));
        asUser(fan, fanToken).delete("/api/v1/queue/token").then().statusCode(204);

        assertProblem(asUser(fan, fanToken).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
        ExtractableResponse<Response> again = asUser(fan, fanToken)
                .post("/api/v1/concerts/" + concert + "/queue/tokens")
                .then()
                .extract();
        assertEquals(201, again.statusCode(), "restored once: entering again starts at the end");
        assertNotEquals(fanToken, token(again));
    }

    @Test
    void aForgedOrBorrowedTokenIsRefused() {
        long concert = Api.createConcert(1, 5, 1000).id();
        long otherConcert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String fan = Tokens.newUserId();
        QueueToken real = new QueueToken(token(Api.enter(fan, concert)));
        QueueTokenClaims claims = real.claims();
        String jumped = QueueToken.of(
                        new QueueTokenClaims(claims.userId(), concert, 1, claims.issuedAt()), real.signature())
                .value();
        String mine = QueueToken.of(
                        new QueueTokenClaims(
                                new domain.shared.UserId("mallory"), concert, claims.arrival(), claims.issuedAt()),
                        real.signature())
                .value();

        assertProblem(asUser(fan, jumped).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
        assertProblem(
                asUser(fan, jumped)
                        .post("/api/v1/concerts/" + concert + "/queue/tokens")
                        .then(),
                403,
                "queue-token-unknown");
        assertProblem(asUser("mallory", mine).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
        assertProblem(
                asUser(Tokens.newUserId(), real.value())
                        .post("/api/v1/concerts/" + concert + "/queue/tokens")
                        .then(),
                403,
                "queue-token-not-yours");
        assertProblem(
                asUser(fan, real.value())
                        .post("/api/v1/concerts/" + otherConcert + "/queue/tokens")
                        .then(),
                403,
                "queue-token-other-concert");
        poll(fan, real.value()).statusCode(200).body("position", equalTo(1));
    }
}
