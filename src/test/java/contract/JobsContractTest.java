package contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Api.as;
import static support.Problems.assertProblem;

import application.jobs.port.in.RunJobUseCase;
import application.shared.port.out.JobLock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.TestClock;
import support.Tokens;

/** Jobs triggered over HTTP, as a cloud scheduler does where instances scale to zero. */
@QuarkusTest
class JobsContractTest {
    @Inject
    JobLock lock;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void anAdminRunsAJobAndSeesWhatItDid() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 1000);
        String user = Tokens.newUserId();
        String reservation = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);
        TestClock.advance(Duration.ofMinutes(6));

        as(Tokens.admin())
                .post("/api/v1/admin/jobs/hold-expiry/run")
                .then()
                .statusCode(200)
                .body("job", equalTo("hold-expiry"))
                .body("ran", equalTo(true));

        assertEquals("EXPIRED", Db.text("SELECT status FROM reservation WHERE id = ?::uuid", reservation));
    }

    @Test
    void aCloudSchedulerRunsJobsWithTheSharedSecret() {
        for (String job :
                new String[] {RunJobUseCase.QUEUE_ADMISSION, RunJobUseCase.QUEUE_TOKEN_EXPIRY, RunJobUseCase.HOLD_EXPIRY
                }) {
            given().header("Job-Trigger-Secret", "test-trigger-secret")
                    .post("/api/v1/admin/jobs/" + job + "/run")
                    .then()
                    .statusCode(200)
                    .body("ran", equalTo(true));
        }
        assertProblem(
                given().header("Job-Trigger-Secret", "wrong")
                        .post("/api/v1/admin/jobs/hold-expiry/run")
                        .then(),
                401);
        assertProblem(
                Api.asUser(Tokens.newUserId())
                        .header("Job-Trigger-Secret", "wrong")
                        .post("/api/v1/admin/jobs/hold-expiry/run")
                        .then(),
                403);
    }

    @Test
    void aJobWhoseLeaseIsHeldElsewhereIsSkipped() {
        Optional<JobLock.Lease> elsewhere = lock.tryAcquire(RunJobUseCase.HOLD_EXPIRY, Duration.ofSeconds(30));
        try {
            as(Tokens.admin())
                    .post("/api/v1/admin/jobs/hold-expiry/run")
                    .then()
                    .statusCode(200)
                    .body("ran", equalTo(false))
                    .body("processed", equalTo(0));
        } finally {
            elsewhere.orElseThrow().close();
        }
        as(Tokens.admin()).post("/api/v1/admin/jobs/hold-expiry/run").then().body("ran", equalTo(true));
    }

    @Test
    void idempotencyKeysAreForgottenAfterTheRetentionPeriod() {
        String user = Tokens.newUserId();
        String key = "retained-" + java.util.UUID.randomUUID();
        charge(user, key, 1000).then().statusCode(201);
        charge(user, key, 2000).then().statusCode(409);

        TestClock.advance(Duration.ofDays(7).plusMinutes(1));
        as(Tokens.admin())
                .post("/api/v1/admin/jobs/idempotency-retention/run")
                .then()
                .statusCode(200)
                .body("ran", equalTo(true));

        charge(user, key, 2000).then().statusCode(201).header("Idempotent-Replayed", "false");
        assertEquals(3000, Api.balance(user));
    }

    private static io.restassured.response.Response charge(String user, String key, long amount) {
        return Api.asUser(user)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body("{\"amount\":" + amount + "}")
                .post("/api/v1/wallet/charges");
    }

    @Test
    void anUnknownJobIs404() {
        assertProblem(
                as(Tokens.admin()).post("/api/v1/admin/jobs/no-such-job/run").then(), 404, "not-found");
    }
}
