package support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The calls a fan or an operator makes, for tests that need a concert, a token or money first. */
public final class Api {
    private Api() {}

    /** Every answer is held to the statuses the OpenAPI document declares ({@link DeclaredStatuses}). */
    public static RequestSpecification as(String bearer) {
        return given().filter(DeclaredStatuses.INSTANCE).header("Authorization", "Bearer " + bearer);
    }

    public static RequestSpecification asUser(String userId) {
        return as(Tokens.user(userId));
    }

    public static RequestSpecification asUser(String userId, String queueToken) {
        return asUser(userId).header("Queue-Token", queueToken);
    }

    /** A concert of {@code schedules} dates, {@code seats} seats each at {@code price}, starting next month. */
    public static ConcertFixture createConcert(int schedules, int seats, long price) {
        StringBuilder body = new StringBuilder("{\"title\":\"Test concert " + UUID.randomUUID() + "\",\"schedules\":[");
        Instant start = TestClock.now().plus(Duration.ofDays(30));
        for (int i = 0; i < schedules; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"startsAt\":\"")
                    .append(start.plus(Duration.ofDays(i)))
                    .append("\",\"seatCount\":")
                    .append(seats)
                    .append(",\"price\":")
                    .append(price)
                    .append('}');
        }
        body.append("]}");
        ExtractableResponse<Response> created = as(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/admin/concerts")
                .then()
                .statusCode(201)
                .extract();
        List<Long> scheduleIds = new ArrayList<>();
        for (Number id : created.jsonPath().getList("schedules.id", Number.class)) {
            scheduleIds.add(id.longValue());
        }
        return new ConcertFixture(created.jsonPath().getLong("id"), scheduleIds);
    }

    public static void setMaxActive(long concertId, int maxActive) {
        as(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"maxActive\":" + maxActive + "}")
                .put("/api/v1/admin/concerts/" + concertId + "/queue")
                .then()
                .statusCode(200);
    }

    /** Enters the queue and returns the response (201 or 200). */
    public static ExtractableResponse<Response> enter(String userId, long concertId) {
        return asUser(userId)
                .post("/api/v1/concerts/" + concertId + "/queue/tokens")
                .then()
                .extract();
    }

    /** Enters a queue with a free slot and returns the ACTIVE token. */
    public static String enterActive(String userId, long concertId) {
        ExtractableResponse<Response> entered = enter(userId, concertId);
        assertEquals("ACTIVE", entered.jsonPath().getString("status"), entered.asString());
        return entered.jsonPath().getString("token");
    }

    /** Opens a top-up order for the user (POST /api/v1/wallet/top-ups); returns its orderId. */
    public static String topUpOrder(String userId, long amount) {
        return asUser(userId)
                .contentType(ContentType.JSON)
                .body("{\"amount\":" + amount + "}")
                .post("/api/v1/wallet/top-ups")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("orderId");
    }

    public static long charge(String userId, long amount) {
        return asUser(userId)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"amount\":" + amount + "}")
                .post("/api/v1/wallet/charges")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("balance");
    }

    public static long balance(String userId) {
        return asUser(userId)
                .get("/api/v1/wallet")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("balance");
    }

    public static ExtractableResponse<Response> hold(String userId, String queueToken, long scheduleId, int seat) {
        return asUser(userId, queueToken)
                .contentType(ContentType.JSON)
                .body("{\"scheduleId\":" + scheduleId + ",\"seatNumber\":" + seat + "}")
                .post("/api/v1/reservations")
                .then()
                .extract();
    }

    /** Holds a seat (which must succeed) and returns the reservation id. */
    public static String holdOk(String userId, String queueToken, long scheduleId, int seat) {
        ExtractableResponse<Response> held = hold(userId, queueToken, scheduleId, seat);
        assertEquals(201, held.statusCode(), held.asString());
        return held.jsonPath().getString("id");
    }

    public static ExtractableResponse<Response> pay(String userId, String reservationId, String idempotencyKey) {
        return asUser(userId)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body("{\"reservationId\":\"" + reservationId + "\"}")
                .post("/api/v1/payments")
                .then()
                .extract();
    }

    /** POST /api/v1/reservations/{id}/refund as the user, with the Idempotency-Key (null: none sent). */
    public static ExtractableResponse<Response> refund(String userId, String reservationId, String idempotencyKey) {
        RequestSpecification request = asUser(userId);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/reservations/" + reservationId + "/refund")
                .then()
                .extract();
    }

    public record ConcertFixture(long id, List<Long> scheduleIds) {
        public long schedule() {
            return scheduleIds.getFirst();
        }
    }

    /** A seat a new fan has held and paid for: the fan and the reservation. */
    public record PaidSeat(String userId, String reservationId) {}

    /** A new fan enters the concert's queue, holds the seat, tops up and pays (all must succeed). */
    public static PaidSeat buySeat(ConcertFixture concert, int seat) {
        String user = Tokens.newUserId();
        String reservation = holdOk(user, enterActive(user, concert.id()), concert.schedule(), seat);
        Api.charge(user, 10_000_000);
        ExtractableResponse<Response> paid = pay(user, reservation, "pay-" + UUID.randomUUID());
        assertEquals(201, paid.statusCode(), paid.asString());
        return new PaidSeat(user, reservation);
    }

    /** GET /api/v1/reservations/{id}/ticket as the user, with {@code accept} (null: none sent). */
    public static ExtractableResponse<Response> ticket(String userId, String reservationId, String accept) {
        RequestSpecification request = asUser(userId);
        if (accept != null) {
            request = request.accept(accept);
        }
        return request.get("/api/v1/reservations/" + reservationId + "/ticket")
                .then()
                .extract();
    }

    /** The code of the user's ticket (which must be there). */
    public static String ticketCode(String userId, String reservationId) {
        ExtractableResponse<Response> ticket = ticket(userId, reservationId, "application/json");
        assertEquals(200, ticket.statusCode(), ticket.asString());
        return ticket.jsonPath().getString("code");
    }

    /** POST /api/v1/check-ins {code} as {@code bearer}. */
    public static ExtractableResponse<Response> checkIn(String bearer, String code) {
        return as(bearer)
                .contentType(ContentType.JSON)
                .body(code == null ? "{}" : "{\"code\":\"" + code + "\"}")
                .post("/api/v1/check-ins")
                .then()
                .extract();
    }
}
