package contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.TestClock;
import support.Tokens;

/** POST/GET /api/v1/admin/box-office/sales (D61): seats sold at the venue against a card approval. */
@QuarkusTest
class BoxOfficeContractTest {
    private static final String SALES = "/api/v1/admin/box-office/sales";

    static String body(long schedule, String seats, String approvalNo, long amount) {
        return body(schedule, seats, "welcome-offline", approvalNo, amount);
    }

    static String body(long schedule, String seats, String provider, String approvalNo, long amount) {
        return "{\"scheduleId\":" + schedule + ",\"seatNumbers\":" + seats + ",\"terminal\":{\"provider\":\""
                + provider + "\",\"approvalNo\":\"" + approvalNo + "\",\"terminalId\":\"T0001\",\"approvedAt\":\""
                + TestClock.now() + "\",\"amount\":" + amount + "}}";
    }

    static ExtractableResponse<Response> sell(String bearer, String key, String body) {
        var request = Api.as(bearer).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post(SALES).then().extract();
    }

    /** A fresh approval number (letters and digits, 12 at most: the Welcome offline file's width). */
    static String approvalNo() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L);
    }

    @Test
    void aSaleSellsTheSeatsWithTicketsThatOpenTheDoor() {
        Api.ConcertFixture concert = Api.createConcert(1, 6, 84_000);
        String approval = approvalNo();
        ExtractableResponse<Response> sold = sell(
                Tokens.staff(), "sale-" + UUID.randomUUID(), body(concert.schedule(), "[4, 2]", approval, 168_000));

        assertEquals(201, sold.statusCode(), sold.asString());
        String id = sold.jsonPath().getString("id");
        assertEquals(
                SALES + "/" + id, java.net.URI.create(sold.header("Location")).getPath());
        assertEquals("false", sold.header("Idempotent-Replayed"));
        assertEquals(168_000L, sold.jsonPath().getLong("amount"));
        assertEquals(java.util.List.of(2, 4), sold.jsonPath().getList("seats.seatNumber", Integer.class));
        assertEquals("welcome-offline", sold.jsonPath().getString("terminal.provider"));
        assertEquals(approval, sold.jsonPath().getString("terminal.approvalNo"));
        assertEquals("UNRECONCILED", sold.jsonPath().getString("reconciliationState"));
        assertEquals(null, sold.jsonPath().getString("reconciliationStage"));

        assertEquals(
                2,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND number IN (2, 4) AND status = 'SOLD'",
                        concert.schedule()));
        assertEquals(
                2,
                Db.count(
                        "SELECT count(*) FROM reservation WHERE order_id = CAST(? AS uuid) AND status = 'CONFIRMED'"
                                + " AND user_id = ?",
                        id,
                        "box-office:" + id));
        assertEquals(
                2,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'ReservationSoldAtBoxOffice'"
                                + " AND payload->'boxOfficeSale'->>'saleId' = ?",
                        id));
        assertEquals(
                2,
                Db.count(
                        "SELECT count(*) FROM ticket t JOIN reservation r ON r.id = t.reservation_id"
                                + " WHERE r.order_id = CAST(? AS uuid) AND t.status = 'ISSUED'",
                        id));

        // the printed code opens the door once
        String code = sold.jsonPath().getString("seats[0].code");
        assertEquals(200, Api.checkIn(Tokens.staff(), code).statusCode());
        assertProblem(Api.checkIn(Tokens.staff(), code).response().then(), 409, "ticket-already-used");

        // the Location reads the same sale back, now with the checked-in ticket still listed
        Api.as(Tokens.admin())
                .get(SALES + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("seats", hasSize(2))
                .body("seats.seatNumber", contains(2, 4))
                .body("seats[0].ticketId", notNullValue())
                .body("soldBy", startsWith("gate-"))
                .body("terminal.terminalId", equalTo("T0001"));
    }

    @Test
    void theSameKeyAndBodyReplayTheSaleAndAnotherBodyIsRefused() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 50_000);
        String staff = Tokens.staff();
        String key = "sale-" + UUID.randomUUID();
        String approval = approvalNo();
        String body = body(concert.schedule(), "[1]", approval, 50_000);
        ExtractableResponse<Response> first = sell(staff, key, body);
        assertEquals(201, first.statusCode(), first.asString());

        ExtractableResponse<Response> again = sell(staff, key, body);
        assertEquals(201, again.statusCode(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        assertEquals(1, Db.count("SELECT count(*) FROM box_office_sale WHERE approval_no = ?", approval));

        assertProblem(
                sell(staff, key, body(concert.schedule(), "[2]", approvalNo(), 50_000))
                        .response()
                        .then(),
                409,
                "idempotency-key-reused");
        assertProblem(sell(staff, null, body).response().then(), 400, "invalid-input");
    }

    @Test
    void aSeatHeldOnlineIsNotSoldAndNothingOfTheSaleIs() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 50_000);
        String fan = Tokens.newUserId();
        Api.holdOk(fan, Api.enterActive(fan, concert.id()), concert.schedule(), 3);

        ExtractableResponse<Response> refused = sell(
                Tokens.staff(), "sale-" + UUID.randomUUID(), body(concert.schedule(), "[2, 3]", approvalNo(), 100_000));

        assertProblem(refused.response().then(), 409, "seat-unavailable").body("unavailableSeats", contains(3));
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND number = 2 AND status <> 'AVAILABLE'",
                        concert.schedule()));
    }

    @Test
    void anAmountOtherThanThePriceSumIsRefusedAndSellsNothing() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 50_000);
        ExtractableResponse<Response> refused = sell(
                Tokens.staff(), "sale-" + UUID.randomUUID(), body(concert.schedule(), "[1, 2]", approvalNo(), 99_000));

        assertProblem(refused.response().then(), 422, "card-amount-mismatch")
                .body("approvedAmount", equalTo(99_000))
                .body("price", equalTo(100_000));
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND status <> 'AVAILABLE'",
                        concert.schedule()));
    }

    @Test
    void oneCardApprovalSellsOnce() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 50_000);
        String approval = approvalNo();
        assertEquals(
                201,
                sell(Tokens.staff(), "sale-" + UUID.randomUUID(), body(concert.schedule(), "[1]", approval, 50_000))
                        .statusCode());

        assertProblem(
                sell(Tokens.staff(), "sale-" + UUID.randomUUID(), body(concert.schedule(), "[2]", approval, 50_000))
                        .response()
                        .then(),
                409,
                "card-approval-already-used");
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND number = 2 AND status <> 'AVAILABLE'",
                        concert.schedule()));
    }

    @Test
    void aCancelledScheduleSellsNothingAndMissingThingsAre404() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 50_000);
        assertProblem(
                sell(Tokens.staff(), "sale-" + UUID.randomUUID(), body(concert.schedule(), "[9]", approvalNo(), 50_000))
                        .response()
                        .then(),
                404,
                "not-found");
        assertProblem(
                sell(Tokens.staff(), "sale-" + UUID.randomUUID(), body(Long.MAX_VALUE, "[1]", approvalNo(), 50_000))
                        .response()
                        .then(),
                404,
                "not-found");
        Api.as(Tokens.admin())
                .post("/api/v1/admin/schedules/" + concert.schedule() + "/cancel")
                .then()
                .statusCode(202);

        assertProblem(
                sell(Tokens.staff(), "sale-" + UUID.randomUUID(), body(concert.schedule(), "[1]", approvalNo(), 50_000))
                        .response()
                        .then(),
                409,
                "schedule-cancelled");
        assertProblem(
                Api.as(Tokens.staff()).get(SALES + "/" + UUID.randomUUID()).then(), 404, "not-found");
        assertProblem(Api.as(Tokens.staff()).get(SALES + "/not-a-uuid").then(), 404, "not-found");
    }

    @Test
    void badInputIsAProblemAndOnlyStaffOrAdminsSell() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 50_000);
        String staff = Tokens.staff();
        for (String bad : new String[] {
            body(concert.schedule(), "[]", approvalNo(), 0),
            body(concert.schedule(), "[1, 1]", approvalNo(), 100_000),
            body(concert.schedule(), "[1]", "Welcome Offline", approvalNo(), 50_000),
            body(concert.schedule(), "[1]", "welcome-offline", "30-12", 50_000),
            body(concert.schedule(), "[1]", approvalNo(), -1),
            "{\"scheduleId\":" + concert.schedule() + ",\"seatNumbers\":[1]}",
            "{\"scheduleId\":" + concert.schedule() + ",\"seatNumbers\":[1],\"terminal\":{\"provider\":\"p\","
                    + "\"approvalNo\":\"1\",\"terminalId\":\"T\",\"approvedAt\":\"yesterday\",\"amount\":1}}"
        }) {
            assertProblem(
                    sell(staff, "sale-" + UUID.randomUUID(), bad).response().then(), 400);
        }
        assertProblem(
                sell(
                                Tokens.user(Tokens.newUserId()),
                                "sale-" + UUID.randomUUID(),
                                body(concert.schedule(), "[1]", approvalNo(), 50_000))
                        .response()
                        .then(),
                403,
                "forbidden");
        given().contentType(ContentType.JSON)
                .body(body(concert.schedule(), "[1]", approvalNo(), 50_000))
                .post(SALES)
                .then()
                .statusCode(401);
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND status <> 'AVAILABLE'",
                        concert.schedule()));
        // an admin sells too
        assertEquals(
                201,
                sell(Tokens.admin(), "sale-" + UUID.randomUUID(), body(concert.schedule(), "[1]", approvalNo(), 50_000))
                        .statusCode());
    }
}
