package cluster;

import static cluster.Cluster.call;
import static cluster.Cluster.createConcert;
import static cluster.Cluster.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import support.Db;
import support.Http;
import support.TestInfrastructure;
import support.Tokens;

/**
 * The limits of issue #15 hold across two processes of the packaged application (prod profile) on
 * one PostgreSQL database and one Redis: the per-user hold limit under a burst split between them,
 * one fan's request rate counted once for both, and X-Forwarded-For honoured only where a proxy is
 * trusted.
 */
class LimitsAcrossInstancesIT {
    private static final String DATABASE =
            "cb_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "cb-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static AppInstance a;
    private static AppInstance b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        TestInfrastructure.createDatabase(DATABASE);
        Map<String, String> config = Cluster.config(DATABASE, PREFIX);
        // one fan's holds race freely here (the hold limit is under test, not the hold rate)
        config.put("rate-limit.hold.per-user.burst", "1000");
        config.put("rate-limit.hold.per-address.burst", "1000");
        config.put("rate-limit.queue-entry.per-address.burst", "1000");
        // four entries per fan, then one per 100 s: what instance a counted, b must see
        config.put("rate-limit.queue-entry.per-user.rate", "0.01");
        config.put("rate-limit.queue-entry.per-user.burst", "4");
        // payments: two per client address, then one per 100 s
        config.put("rate-limit.payment.per-user.burst", "1000");
        config.put("rate-limit.payment.per-address.rate", "0.01");
        config.put("rate-limit.payment.per-address.burst", "2");
        a = AppInstance.start("limits-a", config);
        // b stands behind a proxy on 127.0.0.1 that it trusts: X-Forwarded-For names the client there
        Map<String, String> behindProxy = new HashMap<>(config);
        behindProxy.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        behindProxy.put("quarkus.http.proxy.allow-x-forwarded", "true");
        behindProxy.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        b = AppInstance.start("limits-b", behindProxy);
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        TestInfrastructure.dropDatabase(DATABASE);
        TestInfrastructure.deleteRedisKeys(PREFIX);
    }

    private static void assertRateLimited(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        assertTrue(response.body().contains("urn:concert-booking:problem:rate-limited"), response.body());
        long retryAfter =
                Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 100, "Retry-After " + retryAfter);
    }

    @Test
    void aBurstOfOneFansHoldsSplitBetweenBothInstancesGetsExactlyFour() throws Exception {
        long[] concert = createConcert(a, 30);
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        HttpResponse<String> entered =
                call(a, "POST", "/api/v1/concerts/" + concert[0] + "/queue/tokens", bearer, Map.of(), null);
        assertEquals("ACTIVE", field(entered.body(), "status"), entered.body());
        String token = field(entered.body(), "token");
        List<Callable<HttpResponse<String>>> holds = new ArrayList<>();
        for (int seat = 1; seat <= 20; seat++) {
            AppInstance app = seat % 2 == 0 ? a : b;
            String body = "{\"scheduleId\":" + concert[1] + ",\"seatNumber\":" + seat + "}";
            holds.add(() -> call(app, "POST", "/api/v1/reservations", bearer, Map.of("Queue-Token", token), body));
        }

        List<HttpResponse<String>> responses = Http.race(holds);

        List<Integer> statuses =
                responses.stream().map(HttpResponse::statusCode).toList();
        assertEquals(4, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(
                16,
                responses.stream()
                        .filter(r -> r.statusCode() == 409
                                && r.body().contains("urn:concert-booking:problem:hold-limit-reached"))
                        .count(),
                statuses::toString);
        assertEquals(
                4,
                Db.countIn(
                        DATABASE,
                        "SELECT count(*) FROM reservation WHERE status = 'HELD' AND user_id = '" + user + "'"));
        assertEquals(
                4,
                Db.countIn(
                        DATABASE, "SELECT count(*) FROM seat WHERE status = 'HELD' AND schedule_id = " + concert[1]));
    }

    @Test
    void oneFansRequestRateIsCountedOnceForBothInstances() {
        long[] concert = createConcert(a, 1);
        String bearer = Tokens.user(Tokens.newUserId());
        String path = "/api/v1/concerts/" + concert[0] + "/queue/tokens";
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> entered = call(i % 2 == 0 ? a : b, "POST", path, bearer, Map.of(), null);
            assertEquals(2, entered.statusCode() / 100, entered.body());
        }

        assertRateLimited(call(a, "POST", path, bearer, Map.of(), null));
        assertRateLimited(call(b, "POST", path, bearer, Map.of(), null));
    }

    @Test
    void xForwardedForNamesTheClientOnlyBehindATrustedProxy() {
        String payment = "{\"reservationId\":\"" + UUID.randomUUID() + "\"}";
        // b trusts its proxy: three clients, three buckets (each payment is a 404, no such reservation)
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> paid = call(
                    b,
                    "POST",
                    "/api/v1/payments",
                    Tokens.user(Tokens.newUserId()),
                    Map.of("Idempotency-Key", "k", "X-Forwarded-For", "203.0.113." + i),
                    payment);
            assertEquals(404, paid.statusCode(), paid.body());
        }
        // a trusts no proxy: the header is ignored, every call is 127.0.0.1's
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> paid = call(
                    a,
                    "POST",
                    "/api/v1/payments",
                    Tokens.user(Tokens.newUserId()),
                    Map.of("Idempotency-Key", "k", "X-Forwarded-For", "198.51.100." + i),
                    payment);
            assertEquals(404, paid.statusCode(), paid.body());
        }
        assertRateLimited(call(
                a,
                "POST",
                "/api/v1/payments",
                Tokens.user(Tokens.newUserId()),
                Map.of("Idempotency-Key", "k", "X-Forwarded-For", "198.51.100.3"),
                payment));
    }
}
