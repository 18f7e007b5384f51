package contract;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import adapters.scheduler.ScheduledJobs;
import application.jobs.port.in.RunJobUseCase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.TestClock;
import support.Tokens;

@QuarkusTest
class ReservationContractTest {
    @Inject
    ScheduledJobs jobs;

    private long expireLapsedHolds() {
        return jobs.runOnce(RunJobUseCase.HOLD_EXPIRY);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void holdingASeatReturnsAHeldReservationForFiveMinutes() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 55000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        Instant before = TestClock.now();

        var held = Api.hold(user, token, concert.schedule(), 2);

        assertEquals(201, held.statusCode(), held.asString());
        assertEquals("HELD", held.jsonPath().getString("status"));
        assertEquals(2, held.jsonPath().getInt("seatNumber"));
        assertEquals(55000, held.jsonPath().getLong("price"));
        assertEquals(concert.schedule(), held.jsonPath().getLong("scheduleId"));
        assertEquals(
                "/api/v1/reservations/" + held.jsonPath().getString("id"),
                held.header("Location").replaceAll("^https?://[^/]+", ""));
        Duration ttl = Duration.between(before, Instant.parse(held.jsonPath().getString("expiresAt")));
        assertTrue(
                ttl.compareTo(Duration.ofMinutes(5)) >= 0
                        && ttl.compareTo(Duration.ofMinutes(5).plusSeconds(5)) < 0,
                ttl.toString());
        asUser(user, token)
                .get("/api/v1/schedules/" + concert.schedule() + "/seats")
                .then()
                .body("status", contains("AVAILABLE", "HELD", "AVAILABLE"));
    }

    @Test
    void holdingATakenSeatIsRejected() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        String first = Tokens.newUserId();
        String second = Tokens.newUserId();
        Api.holdOk(first, Api.enterActive(first, concert.id()), concert.schedule(), 1);
        String before = Db.snapshot();

        assertProblem(
                Api.hold(second, Api.enterActive(second, concert.id()), concert.schedule(), 1)
                        .response()
                        .then(),
                409,
                "seat-unavailable");
        assertEquals(before, Db.snapshot());
    }

    @Test
    void holdingAnUnknownSeatOrScheduleIs404() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        assertProblem(Api.hold(user, token, concert.schedule(), 4).response().then(), 404);
        assertProblem(Api.hold(user, token, 99999999, 1).response().then(), 404);
    }

    @Test
    void holdingNeedsAnActiveTokenForTheSchedulesConcert() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        Api.ConcertFixture other = Api.createConcert(1, 3, 1000);
        String user = Tokens.newUserId();
        String otherToken = Api.enterActive(user, other.id());
        assertProblem(
                Api.hold(user, otherToken, concert.schedule(), 1).response().then(), 403, "queue-token-other-concert");
        assertProblem(
                asUser(user)
                        .contentType("application/json")
                        .body("{\"scheduleId\":" + concert.schedule() + ",\"seatNumber\":1}")
                        .post("/api/v1/reservations")
                        .then(),
                403,
                "queue-token-missing");
        assertEquals(0, Db.count("SELECT count(*) FROM reservation WHERE schedule_id = ?", concert.schedule()));
    }

    @Test
    void anOwnerReadsTheirReservationAndNobodyElseCan() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        String owner = Tokens.newUserId();
        String id = Api.holdOk(owner, Api.enterActive(owner, concert.id()), concert.schedule(), 3);

        asUser(owner)
                .get("/api/v1/reservations/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("HELD"))
                .body("seatNumber", equalTo(3))
                .body("scheduleId", equalTo((int) concert.schedule()))
                .body("price", equalTo(1000));
        assertProblem(
                asUser(Tokens.newUserId()).get("/api/v1/reservations/" + id).then(), 404, "not-found");
        assertProblem(
                asUser(owner).get("/api/v1/reservations/" + UUID.randomUUID()).then(), 404, "not-found");
        assertProblem(asUser(owner).get("/api/v1/reservations/not-a-uuid").then(), 404, "not-found");
    }

    @Test
    void cancellingAHoldFreesTheSeatAndCannotBeRepeated() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 1000);
        String owner = Tokens.newUserId();
        String token = Api.enterActive(owner, concert.id());
        String id = Api.holdOk(owner, token, concert.schedule(), 1);

        assertProblem(
                asUser(Tokens.newUserId()).delete("/api/v1/reservations/" + id).then(), 404);
        asUser(owner).delete("/api/v1/reservations/" + id).then().statusCode(204);

        asUser(owner).get("/api/v1/reservations/" + id).then().body("status", equalTo("CANCELLED"));
        asUser(owner, token)
                .get("/api/v1/schedules/" + concert.schedule() + "/seats")
                .then()
                .body("status", contains("AVAILABLE"));
        assertProblem(asUser(owner).delete("/api/v1/reservations/" + id).then(), 409, "reservation-not-held");
        Api.holdOk(owner, token, concert.schedule(), 1);
    }

    @Test
    void aLapsedHoldIsExpiredAtOnceAndItsSeatCanBeTakenBeforeTheJobRuns() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 1000);
        String first = Tokens.newUserId();
        String firstId = Api.holdOk(first, Api.enterActive(first, concert.id()), concert.schedule(), 1);

        TestClock.advance(Duration.ofMinutes(5).plusMillis(1));

        asUser(first).get("/api/v1/reservations/" + firstId).then().body("status", equalTo("EXPIRED"));
        assertProblem(asUser(first).delete("/api/v1/reservations/" + firstId).then(), 409);
        String second = Tokens.newUserId();
        String secondId = Api.holdOk(second, Api.enterActive(second, concert.id()), concert.schedule(), 1);

        expireLapsedHolds();
        assertEquals("EXPIRED", Db.text("SELECT status FROM reservation WHERE id = ?::uuid", firstId));
        assertEquals("HELD", Db.text("SELECT status FROM seat WHERE schedule_id = ?", concert.schedule()));
        assertEquals(
                secondId, Db.text("SELECT reservation_id::text FROM seat WHERE schedule_id = ?", concert.schedule()));
        asUser(second).get("/api/v1/reservations/" + secondId).then().body("status", equalTo("HELD"));
        expireLapsedHolds();
        assertEquals(
                secondId,
                Db.text("SELECT reservation_id::text FROM seat WHERE schedule_id = ?", concert.schedule()),
                "a second run leaves the new holder's seat alone");
    }

    @Test
    void theExpiryJobFreesSeatsOfLapsedHolds() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        Api.holdOk(user, token, concert.schedule(), 1);
        Api.holdOk(user, token, concert.schedule(), 2);
        TestClock.advance(Duration.ofMinutes(6));

        assertTrue(expireLapsedHolds() >= 2);

        assertEquals(
                3,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'AVAILABLE' AND reservation_id IS NULL",
                        concert.schedule()));
        assertEquals(
                2,
                Db.count(
                        "SELECT count(*) FROM reservation WHERE schedule_id = ? AND status = 'EXPIRED'",
                        concert.schedule()));
    }
}
