package contract;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Api;
import support.TestInfrastructure;
import support.Tokens;

/**
 * 429 with Retry-After per route kind, per user and per client address, shared through Redis; and
 * what each route does when Redis is gone. Small limits (one call per 100 s sustained) make the
 * refusals deterministic.
 */
@QuarkusTest
@TestProfile(RateLimitContractTest.SmallLimits.class)
class RateLimitContractTest {
    private static final String SLOW = "0.01"; // one call per 100 s: a spent burst stays spent

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("rate-limit.queue-entry.per-user.rate", SLOW),
                    Map.entry("rate-limit.queue-entry.per-user.burst", "2"),
                    Map.entry("rate-limit.queue-poll.per-user.rate", SLOW),
                    Map.entry("rate-limit.queue-poll.per-user.burst", "3"),
                    Map.entry("rate-limit.hold.per-user.rate", SLOW),
                    Map.entry("rate-limit.hold.per-user.burst", "2"),
                    Map.entry("rate-limit.wallet-charge.per-user.rate", SLOW),
                    Map.entry("rate-limit.wallet-charge.per-user.burst", "1"),
                    // payments: a small limit per address (127.0.0.1 here), a large one per user
                    Map.entry("rate-limit.payment.per-address.rate", SLOW),
                    Map.entry("rate-limit.payment.per-address.burst", "3"));
        }
    }

    private static void assertRateLimited(ExtractableResponse<Response> response, String limit) {
        assertEquals(429, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(
                "urn:concert-booking:problem:rate-limited", response.jsonPath().getString("type"));
        assertTrue(response.jsonPath().getString("detail").contains(limit), response.asString());
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 100, "Retry-After in whole seconds, rounded up: " + retryAfter);
    }

    private static ExtractableResponse<Response> enter(String user, long concertId) {
        return Api.asUser(user)
                .post("/api/v1/concerts/" + concertId + "/queue/tokens")
                .then()
                .extract();
    }

    @Test
    void queueEntryOverTheUsersBurstIs429WithRetryAfter() {
        long concert = Api.createConcert(1, 1, 1000).id();
        String user = Tokens.newUserId();
        assertEquals(201, enter(user, concert).statusCode());
        assertEquals(200, enter(user, concert).statusCode());

        assertRateLimited(enter(user, concert), "per user");
        // another fan is not affected
        assertEquals(201, enter(Tokens.newUserId(), concert).statusCode());
    }

    @Test
    void queueEntryIsCountedPerWaitingRoomAndRefusalsAreCounted() {
        long first = Api.createConcert(1, 1, 1000).id();
        long second = Api.createConcert(1, 1, 1000).id();
        String user = Tokens.newUserId();
        String token = enter(user, first).jsonPath().getString("token");
        enter(user, first);
        double refusedBefore = refusals("queue-entry");

        assertRateLimited(enter(user, first), "per user");
        // the entry script counted the call and refused it in the same step: nothing changed
        assertEquals(refusedBefore + 1, refusals("queue-entry"));
        // the limit is the room's (its keys live in the room's hash slot, D30): another line is open
        ExtractableResponse<Response> other = enter(user, second);
        assertEquals(201, other.statusCode(), other.asString());
        assertTrue(!token.equals(other.jsonPath().getString("token")));
    }

    /** {@code booking_rate_limited{route=...,limit="per-user"}} on the management port. */
    private static double refusals(String route) {
        String metrics = support.Management.given()
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("booking_rate_limited_total{")
                        && line.contains("route=\"" + route + "\"")
                        && line.contains("limit=\"per-user\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void pollingOverTheUsersBurstIs429WithRetryAfter() {
        long concert = Api.createConcert(1, 1, 1000).id();
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert);
        for (int i = 0; i < 3; i++) {
            Api.asUser(user, token).get("/api/v1/queue/token").then().statusCode(200);
        }

        double refusedBefore = refusals("queue-poll");

        assertRateLimited(
                Api.asUser(user, token).get("/api/v1/queue/token").then().extract(), "per user");
        assertEquals(refusedBefore + 1, refusals("queue-poll"));
    }

    @Test
    void holdsOverTheUsersBurstAre429AndTakeNoSeat() {
        Api.ConcertFixture concert = Api.createConcert(1, 5, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        Api.holdOk(user, token, concert.schedule(), 1);
        Api.holdOk(user, token, concert.schedule(), 2);

        assertRateLimited(Api.hold(user, token, concert.schedule(), 3), "per user");
        Api.asUser(user, token)
                .get("/api/v1/schedules/" + concert.schedule() + "/seats")
                .then()
                .statusCode(200)
                .body("find { it.number == 3 }.status", equalTo("AVAILABLE"));
    }

    @Test
    void walletChargesOverTheUsersBurstAre429AndCreditNothing() {
        String user = Tokens.newUserId();
        Api.charge(user, 500);

        ExtractableResponse<Response> second = Api.asUser(user)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json")
                .body("{\"amount\":700}")
                .post("/api/v1/wallet/charges")
                .then()
                .extract();

        assertRateLimited(second, "per user");
        assertEquals(500, Api.balance(user));
    }

    @Test
    void paymentsFromOneAddressAreLimitedAcrossUsersWhateverXForwardedForSays() {
        // three different fans from 127.0.0.1 use the address's burst (each payment is a 404: no such reservation)
        for (int i = 0; i < 3; i++) {
            ExtractableResponse<Response> paid = Api.asUser(Tokens.newUserId())
                    .header("Idempotency-Key", "k-" + i)
                    .header("X-Forwarded-For", "203.0.113." + i)
                    .contentType("application/json")
                    .body("{\"reservationId\":\"" + UUID.randomUUID() + "\"}")
                    .post("/api/v1/payments")
                    .then()
                    .extract();
            assertEquals(404, paid.statusCode(), paid.asString());
        }

        ExtractableResponse<Response> fourth = Api.asUser(Tokens.newUserId())
                .header("Idempotency-Key", "k-4")
                .header("X-Forwarded-For", "198.51.100.7") // not trusted: no proxy is configured
                .contentType("application/json")
                .body("{\"reservationId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/payments")
                .then()
                .extract();

        assertRateLimited(fourth, "per client address");
    }

    @Test
    void withRedisGoneMoneyRoutesFailOpenAndTheOthersAnswer503NotA500() {
        long concert = Api.createConcert(1, 1, 1000).id();
        String user = Tokens.newUserId();
        try {
            TestInfrastructure.redisProxy().cut();
            // wallet-charge is fail-open: PostgreSQL alone decides, the call is not counted
            Api.asUser(user)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/json")
                    .body("{\"amount\":300}")
                    .post("/api/v1/wallet/charges")
                    .then()
                    .statusCode(201);
            // queue entry is fail-closed (and needs Redis anyway)
            assertProblem(
                            Api.asUser(user)
                                    .post("/api/v1/concerts/" + concert + "/queue/tokens")
                                    .then(),
                            503,
                            "dependency-unavailable")
                    .header("Retry-After", equalTo("5"));
        } finally {
            TestInfrastructure.redisProxy().restore();
        }
        assertEquals(300, Api.balance(user));
    }

    @Test
    void aTokenlessFloodIsStill401() {
        io.restassured.RestAssured.given()
                .post("/api/v1/concerts/1/queue/tokens")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }
}
