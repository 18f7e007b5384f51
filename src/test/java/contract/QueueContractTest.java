package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static support.Api.as;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import adapters.scheduler.ScheduledJobs;
import application.jobs.port.in.RunJobUseCase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.TestClock;
import support.Tokens;

@QuarkusTest
class QueueContractTest {
    @Inject
    ScheduledJobs jobs;

    @Inject
    RedisDataSource redis;

    private void admitWaitingFans() {
        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void enteringCreatesATokenAndEnteringAgainReturnsTheSameOne() {
        long concert = Api.createConcert(1, 5, 1000).id();
        String user = Tokens.newUserId();

        ExtractableResponse<Response> first = Api.enter(user, concert);
        assertEquals(201, first.statusCode());
        assertEquals("ACTIVE", first.jsonPath().getString("status"));
        assertEquals(0, first.jsonPath().getInt("position"));
        assertNotEquals(null, first.jsonPath().getString("expiresAt"));

        ExtractableResponse<Response> again = Api.enter(user, concert);
        assertEquals(200, again.statusCode());
        assertEquals(first.jsonPath().getString("token"), again.jsonPath().getString("token"));
    }

    @Test
    void waitingFansGetOneBasedFifoPositionsAndAnEstimate() {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String[] users = {Tokens.newUserId(), Tokens.newUserId(), Tokens.newUserId()};
        String[] tokens = new String[3];
        for (int i = 0; i < users.length; i++) {
            ExtractableResponse<Response> entered = Api.enter(users[i], concert);
            assertEquals(201, entered.statusCode());
            assertEquals("WAITING", entered.jsonPath().getString("status"));
            assertEquals(i + 1, entered.jsonPath().getInt("position"));
            assertEquals(null, entered.jsonPath().getString("expiresAt"));
            tokens[i] = entered.jsonPath().getString("token");
        }
        asUser(users[2], tokens[2])
                .get("/api/v1/queue/token")
                .then()
                .statusCode(200)
                .body("status", equalTo("WAITING"))
                .body("position", equalTo(3))
                .body("estimatedWaitSeconds", greaterThan(0));

        asUser(users[0], tokens[0]).delete("/api/v1/queue/token").then().statusCode(204);

        asUser(users[2], tokens[2]).get("/api/v1/queue/token").then().body("position", equalTo(2));
        asUser(users[1], tokens[1]).get("/api/v1/queue/token").then().body("position", equalTo(1));
    }

    @Test
    void admissionLetsTheLongestWaitingInUpToMaxActive() {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String[] users = {Tokens.newUserId(), Tokens.newUserId(), Tokens.newUserId()};
        String[] tokens = new String[3];
        for (int i = 0; i < users.length; i++) {
            tokens[i] = Api.enter(users[i], concert).jsonPath().getString("token");
        }
        Api.setMaxActive(concert, 2);

        admitWaitingFans();

        asUser(users[0], tokens[0])
                .get("/api/v1/queue/token")
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("position", equalTo(0))
                .body("expiresAt", notNullValue());
        asUser(users[1], tokens[1]).get("/api/v1/queue/token").then().body("status", equalTo("ACTIVE"));
        asUser(users[2], tokens[2])
                .get("/api/v1/queue/token")
                .then()
                .body("status", equalTo("WAITING"))
                .body("position", equalTo(1));
        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .statusCode(200)
                .body("waiting", equalTo(1))
                .body("active", equalTo(2))
                .body("maxActive", equalTo(2));
    }

    @Test
    void leavingFreesTheActiveSlotForTheNextInLine() {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 1);
        String first = Tokens.newUserId();
        String second = Tokens.newUserId();
        String firstToken = Api.enterActive(first, concert);
        String secondToken = Api.enter(second, concert).jsonPath().getString("token");
        admitWaitingFans();
        asUser(second, secondToken).get("/api/v1/queue/token").then().body("status", equalTo("WAITING"));

        asUser(first, firstToken).delete("/api/v1/queue/token").then().statusCode(204);
        admitWaitingFans();

        asUser(second, secondToken).get("/api/v1/queue/token").then().body("status", equalTo("ACTIVE"));
        assertProblem(asUser(first, firstToken).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
        assertProblem(asUser(first, firstToken).delete("/api/v1/queue/token").then(), 403, "queue-token-unknown");
    }

    @Test
    void anActiveTokenExpiresAfterItsTtlAndItsSlotIsReused() {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 1);
        String first = Tokens.newUserId();
        String second = Tokens.newUserId();
        String firstToken = Api.enterActive(first, concert);
        Instant expiresAt = Instant.parse(asUser(first, firstToken)
                .get("/api/v1/queue/token")
                .then()
                .extract()
                .jsonPath()
                .getString("expiresAt"));
        Duration ttl = Duration.between(TestClock.now(), expiresAt);
        assertEquals(10, Math.round(ttl.toSeconds() / 60.0), "active TTL is the configured 10 minutes");
        String secondToken = Api.enter(second, concert).jsonPath().getString("token");

        for (int minute = 0; minute < 10; minute++) {
            TestClock.advance(Duration.ofMinutes(1));
            // the waiting fan keeps polling: that keeps their place
            asUser(second, secondToken).get("/api/v1/queue/token").then().body("status", equalTo("WAITING"));
        }
        TestClock.advance(Duration.ofSeconds(1));

        assertProblem(asUser(first, firstToken).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
        jobs.runOnce(RunJobUseCase.QUEUE_TOKEN_EXPIRY);
        admitWaitingFans();
        asUser(second, secondToken).get("/api/v1/queue/token").then().body("status", equalTo("ACTIVE"));
        ExtractableResponse<Response> reentered = Api.enter(first, concert);
        assertEquals(201, reentered.statusCode(), "an ended token is replaced by a new one");
        assertNotEquals(firstToken, reentered.jsonPath().getString("token"));
        assertEquals("WAITING", reentered.jsonPath().getString("status"));
    }

    @Test
    void aWaitingFanWhoStopsPollingGivesUpTheirPlace() {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String gone = Tokens.newUserId();
        String staying = Tokens.newUserId();
        String goneToken = Api.enter(gone, concert).jsonPath().getString("token");
        String stayingToken = Api.enter(staying, concert).jsonPath().getString("token");

        TestClock.advance(Duration.ofMinutes(1));
        asUser(staying, stayingToken).get("/api/v1/queue/token").then().body("position", equalTo(2));
        TestClock.advance(Duration.ofSeconds(90));
        jobs.runOnce(RunJobUseCase.QUEUE_TOKEN_EXPIRY);

        assertProblem(asUser(gone, goneToken).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
        asUser(staying, stayingToken)
                .get("/api/v1/queue/token")
                .then()
                .body("status", equalTo("WAITING"))
                .body("position", equalTo(1));
        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .body("waiting", equalTo(1));
    }

    @Test
    void pollingAndEnteringStillWorkAfterRedisForgetsItsScripts() {
        long concert = Api.createConcert(1, 5, 1000).id();
        String first = Tokens.newUserId();
        String token = Api.enter(first, concert).jsonPath().getString("token");

        redis.execute("SCRIPT", "FLUSH"); // as after a Redis restart: the non-blocking poll reloads
        asUser(first, token)
                .get("/api/v1/queue/token")
                .then()
                .statusCode(200)
                .body("token", equalTo(token))
                .body("status", equalTo("ACTIVE"));

        redis.execute("SCRIPT", "FLUSH"); // and so does the blocking path (entry)
        ExtractableResponse<Response> second = Api.enter(Tokens.newUserId(), concert);
        assertEquals(201, second.statusCode());
        asUser(first, token).get("/api/v1/queue/token").then().statusCode(200);
    }

    @Test
    void enteringTheQueueOfAnUnknownConcertIs404() {
        assertProblem(
                asUser(Tokens.newUserId())
                        .post("/api/v1/concerts/987654321/queue/tokens")
                        .then(),
                404);
    }

    @Test
    void aTokenIsRefusedWhenMissingMalformedOrSomeoneElses() {
        long concert = Api.createConcert(1, 5, 1000).id();
        String owner = Tokens.newUserId();
        String token = Api.enterActive(owner, concert);

        assertProblem(asUser(owner).get("/api/v1/queue/token").then(), 403, "queue-token-missing");
        assertProblem(asUser(owner, "garbage").get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
        assertProblem(
                asUser(owner, concert + ".AAAAAAAAAAAAAAAAAAAAAA")
                        .get("/api/v1/queue/token")
                        .then(),
                403,
                "queue-token-unknown");
        assertProblem(
                asUser(Tokens.newUserId(), token).get("/api/v1/queue/token").then(), 403, "queue-token-not-yours");
        assertProblem(
                asUser(Tokens.newUserId(), token).delete("/api/v1/queue/token").then(), 403, "queue-token-not-yours");
        asUser(owner, token)
                .get("/api/v1/queue/token")
                .then()
                .statusCode(200)
                .body("token", equalTo(token))
                .body("expiresAt", notNullValue())
                .body("position", equalTo(0));
    }

    @Test
    void aWaitingTokenHasNoExpiryYet() {
        long concert = Api.createConcert(1, 5, 1000).id();
        Api.setMaxActive(concert, 0);
        String user = Tokens.newUserId();
        String token = Api.enter(user, concert).jsonPath().getString("token");
        asUser(user, token).get("/api/v1/queue/token").then().statusCode(200).body("expiresAt", nullValue());
    }
}
