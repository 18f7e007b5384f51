package contract;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import adapters.scheduler.ScheduledJobs;
import application.jobs.port.in.RunJobUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.TestClock;
import support.Tokens;

/** Several seats held as one order and paid together (D47); the booking window (D48). */
@QuarkusTest
class OrderContractTest {
    @Inject
    ScheduledJobs jobs;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static ExtractableResponse<Response> holdSeats(String user, String token, long schedule, Integer... seats) {
        return asUser(user, token)
                .contentType(ContentType.JSON)
                .body("{\"scheduleId\":" + schedule + ",\"seatNumbers\":"
                        + List.of(seats).stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"))
                        + "}")
                .post("/api/v1/reservations")
                .then()
                .extract();
    }

    static ExtractableResponse<Response> payAll(String user, String key, List<String> reservationIds) {
        return asUser(user)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body("{\"reservationIds\":"
                        + reservationIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"))
                        + "}")
                .post("/api/v1/payments")
                .then()
                .extract();
    }

    @Test
    void severalSeatsAreHeldAsOneOrder() {
        Api.ConcertFixture concert = Api.createConcert(1, 6, 42000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());

        var held = holdSeats(user, token, concert.schedule(), 5, 2, 3);

        assertEquals(201, held.statusCode(), held.asString());
        String orderId = held.jsonPath().getString("orderId");
        assertEquals(List.of(2, 3, 5), held.jsonPath().getList("reservations.seatNumber", Integer.class));
        assertEquals(List.of(orderId, orderId, orderId), held.jsonPath().getList("reservations.orderId"));
        assertEquals(List.of("HELD", "HELD", "HELD"), held.jsonPath().getList("reservations.status"));
        String first = held.jsonPath().getString("reservations[0].id");
        asUser(user)
                .get("/api/v1/reservations/" + first)
                .then()
                .statusCode(200)
                .body("orderId", org.hamcrest.Matchers.equalTo(orderId))
                .body("seatNumber", org.hamcrest.Matchers.equalTo(2));
        assertEquals(
                3,
                Db.count(
                        "SELECT count(*) FROM reservation WHERE order_id = CAST(? AS uuid) AND status = 'HELD'",
                        orderId));
        asUser(user, token)
                .get("/api/v1/schedules/" + concert.schedule() + "/seats")
                .then()
                .body("status", contains("AVAILABLE", "HELD", "HELD", "AVAILABLE", "HELD", "AVAILABLE"));
    }

    @Test
    void aSingleSeatHoldIsAnOrderOfOne() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 1000);
        String user = Tokens.newUserId();
        var held = Api.hold(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);

        assertEquals(201, held.statusCode(), held.asString());
        assertEquals(held.jsonPath().getString("id"), held.jsonPath().getString("orderId"));
    }

    @Test
    void anOrderWithATakenSeatHoldsNothingAndNamesTheUnavailableSeats() {
        Api.ConcertFixture concert = Api.createConcert(1, 6, 1000);
        String other = Tokens.newUserId();
        String otherToken = Api.enterActive(other, concert.id());
        Api.holdOk(other, otherToken, concert.schedule(), 4);
        Api.holdOk(other, otherToken, concert.schedule(), 1);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        String before = Db.snapshot();

        assertProblem(
                        holdSeats(user, token, concert.schedule(), 1, 2, 3, 4)
                                .response()
                                .then(),
                        409,
                        "seat-unavailable")
                .body("unavailableSeats", contains(1, 4));

        assertEquals(before, Db.snapshot(), "nothing held");
        assertEquals(0, Db.count("SELECT count(*) FROM reservation WHERE user_id = ?", user));
    }

    @Test
    void anOrderOverTheHoldLimitOrWithAnUnknownSeatHoldsNothing() {
        Api.ConcertFixture concert = Api.createConcert(1, 8, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        holdSeats(user, token, concert.schedule(), 1, 2, 3).response().then().statusCode(201); // the limit is 4

        assertProblem(
                holdSeats(user, token, concert.schedule(), 4, 5).response().then(), 409, "hold-limit-reached");
        assertProblem(
                holdSeats(user, token, concert.schedule(), 4, 9).response().then(), 404, "not-found");

        assertEquals(3, Db.count("SELECT count(*) FROM reservation WHERE user_id = ?", user));
        assertEquals(
                3, Db.count("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'HELD'", concert.schedule()));
    }

    @Test
    void aBadOrderIs400() {
        Api.ConcertFixture concert = Api.createConcert(1, 8, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());

        assertProblem(
                holdSeats(user, token, concert.schedule(), 1, 2, 3, 4, 5)
                        .response()
                        .then(),
                400,
                "invalid-input");
        assertProblem(
                holdSeats(user, token, concert.schedule(), 2, 2).response().then(), 400, "invalid-input");
        assertProblem(
                asUser(user, token)
                        .contentType(ContentType.JSON)
                        .body("{\"scheduleId\":" + concert.schedule() + ",\"seatNumber\":1,\"seatNumbers\":[2]}")
                        .post("/api/v1/reservations")
                        .then(),
                400,
                "invalid-input");
        assertProblem(
                asUser(user, token)
                        .contentType(ContentType.JSON)
                        .body("{\"scheduleId\":" + concert.schedule() + "}")
                        .post("/api/v1/reservations")
                        .then(),
                400,
                "invalid-input");
        assertProblem(holdSeats(user, token, concert.schedule(), 0).response().then(), 400, "invalid-input");
        assertEquals(0, Db.count("SELECT count(*) FROM reservation WHERE user_id = ?", user));
    }

    @Test
    void severalReservationsArePaidWithOneLedgerEntryAndReplayedAsTheSameAnswer() {
        Api.ConcertFixture concert = Api.createConcert(1, 6, 30000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        List<String> ids =
                holdSeats(user, token, concert.schedule(), 1, 2, 3).jsonPath().getList("reservations.id");
        Api.charge(user, 100000);
        String key = "multi-" + UUID.randomUUID();

        var paid = payAll(user, key, ids);

        assertEquals(201, paid.statusCode(), paid.asString());
        assertEquals("false", paid.header("Idempotent-Replayed"));
        assertEquals(90000, paid.jsonPath().getLong("amount"));
        assertEquals(10000, paid.jsonPath().getLong("balance"));
        assertEquals(ids, paid.jsonPath().getList("payments.reservationId"));
        assertEquals(List.of(30000, 30000, 30000), paid.jsonPath().getList("payments.amount", Integer.class));
        String transactionId = paid.jsonPath().getString("transactionId");
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM wallet_transaction WHERE user_id = ? AND type = 'PAYMENT'"
                                + " AND id = CAST(? AS uuid) AND amount = 90000",
                        user,
                        transactionId));
        assertEquals(
                3,
                Db.count(
                        "SELECT count(*) FROM payment WHERE group_id = CAST(? AS uuid)"
                                + " AND wallet_transaction_id = CAST(? AS uuid)",
                        paid.jsonPath().getString("groupId"),
                        transactionId));
        assertEquals(3, Db.count("SELECT count(*) FROM ticket WHERE user_id = ?", user));
        assertEquals(
                3, Db.count("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'SOLD'", concert.schedule()));
        asUser(user)
                .get("/api/v1/reservations/" + ids.get(1))
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));

        var replay = payAll(user, key, List.of(ids.get(2), ids.get(0), ids.get(1)));
        assertEquals(201, replay.statusCode(), replay.asString());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(paid.asString(), replay.asString(), "the same answer");
        assertEquals(10000, Api.balance(user));
        assertProblem(payAll(user, key, ids.subList(0, 2)).response().then(), 409, "idempotency-key-reused");
    }

    @Test
    void onePaymentOfSeveralThatCannotBePaidPaysNone() {
        Api.ConcertFixture concert = Api.createConcert(1, 6, 30000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        List<String> ids =
                holdSeats(user, token, concert.schedule(), 1, 2).jsonPath().getList("reservations.id");
        String other = Tokens.newUserId();
        String othersSeat = Api.holdOk(other, Api.enterActive(other, concert.id()), concert.schedule(), 3);
        Api.charge(user, 50000);

        assertProblem(payAll(user, "k-" + UUID.randomUUID(), ids).response().then(), 409, "insufficient-balance");
        assertProblem(
                payAll(user, "k-" + UUID.randomUUID(), List.of(ids.get(0), othersSeat))
                        .response()
                        .then(),
                404,
                "not-found");
        asUser(user).delete("/api/v1/reservations/" + ids.get(1)).then().statusCode(204);
        Api.charge(user, 50000);
        assertProblem(payAll(user, "k-" + UUID.randomUUID(), ids).response().then(), 409, "reservation-not-held");
        assertProblem(
                payAll(user, "k-" + UUID.randomUUID(), List.of(ids.get(0), ids.get(0)))
                        .response()
                        .then(),
                400,
                "invalid-input");

        assertEquals(0, Db.count("SELECT count(*) FROM payment WHERE user_id = ?", user));
        assertEquals(100000, Api.balance(user));
        asUser(user)
                .get("/api/v1/reservations/" + ids.get(0))
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("HELD"));
    }

    /** A concert whose one schedule starts {@code in} from now (the admin may create one that soon). */
    private static long scheduleStartingIn(Duration in, int seats) {
        Instant startsAt =
                TestClock.now().plus(in).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return Api.as(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Soon " + UUID.randomUUID() + "\",\"schedules\":[{\"startsAt\":\"" + startsAt
                        + "\",\"seatCount\":" + seats + ",\"price\":1000}]}")
                .post("/api/v1/admin/concerts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("schedules[0].id");
    }

    private static long concertOf(long schedule) {
        return Db.count("SELECT concert_id FROM schedule WHERE id = ?", schedule);
    }

    @Test
    void atItsStartAScheduleStopsSellingItsHoldsAreReleasedAndItIsNoLongerListed() {
        long schedule = scheduleStartingIn(Duration.ofMinutes(2), 4);
        long concert = concertOf(schedule);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert);
        String single = Api.holdOk(user, token, schedule, 1);
        List<String> order = holdSeats(user, token, schedule, 2, 3).jsonPath().getList("reservations.id");
        Api.charge(user, 10000);
        asUser(user, token)
                .get("/api/v1/concerts/" + concert + "/schedules")
                .then()
                .statusCode(200)
                .body("id", contains((int) schedule));

        TestClock.advance(Duration.ofMinutes(2).plusSeconds(2)); // past the start; the holds have not lapsed
        String token2 = Api.enterActive(user, concert);

        asUser(user, token2)
                .get("/api/v1/concerts/" + concert + "/schedules")
                .then()
                .statusCode(200)
                .body("$", empty());
        assertProblem(Api.hold(user, token2, schedule, 4).response().then(), 409, "sale-closed")
                .body("scheduleId", org.hamcrest.Matchers.equalTo((int) schedule));
        assertProblem(holdSeats(user, token2, schedule, 4).response().then(), 409, "sale-closed");
        assertProblem(Api.pay(user, single, "k-" + UUID.randomUUID()).response().then(), 409, "sale-closed");
        assertProblem(payAll(user, "k-" + UUID.randomUUID(), order).response().then(), 409, "sale-closed");
        assertEquals(10000, Api.balance(user));

        jobs.runOnce(RunJobUseCase.HOLD_EXPIRY);

        assertEquals(
                3,
                Db.count(
                        "SELECT count(*) FROM reservation WHERE schedule_id = ? AND status = 'EXPIRED'"
                                + " AND expires_at > now()",
                        schedule),
                "released before they lapse");
        assertEquals(4, Db.count("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'AVAILABLE'", schedule));
        assertTrue(Db.count(
                        "SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND type = 'ReservationExpired'"
                                + " AND payload->>'reason' = 'SALE_CLOSED'",
                        single)
                == 1);
        assertProblem(Api.pay(user, single, "k-" + UUID.randomUUID()).response().then(), 409, "reservation-not-held");
        assertNotEquals(0, Db.count("SELECT count(*) FROM schedule WHERE id = ?", schedule));
    }
}
