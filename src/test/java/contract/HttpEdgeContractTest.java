package contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import support.Management;
import support.RawHttp;
import support.TestClock;
import support.Tokens;

/** What reaches the service below a well-behaved client: headers and bytes a library would not send. */
@QuarkusTest
class HttpEdgeContractTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String post(String path, String host, String bearer, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Authorization: Bearer " + bearer + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLocationIsRootRelativeWhateverHostTheClientNamed() {
        String start = TestClock.now().plus(Duration.ofDays(40)).toString();
        RawHttp.Answer created = RawHttp.exchange(
                post(
                        "/api/v1/admin/concerts",
                        "attacker.example",
                        Tokens.admin(),
                        "{\"title\":\"Host test\",\"schedules\":[{\"startsAt\":\"" + start
                                + "\",\"seatCount\":1,\"price\":1000}]}"),
                WAIT);

        assertEquals(201, created.status(), created.head() + "\n" + created.body());
        String location = created.header("Location");
        assertTrue(Pattern.matches("/api/v1/concerts/\\d+", location), location);
    }

    @Test
    void anAcceptThatWeighsJsonZeroIsRefusedWithA406() {
        assertProblem(
                given().accept("application/json;q=0").get("/api/v1/concerts").then(), 406);
        assertProblem(
                given().accept("application/json;q=0, */*")
                        .get("/api/v1/concerts")
                        .then(),
                406);
        assertProblem(given().accept("*/*;q=0").get("/api/v1/concerts").then(), 406);
        given().accept("application/json;q=0.5, */*;q=0")
                .get("/api/v1/concerts")
                .then()
                .statusCode(200);
        given().accept("*/*").get("/api/v1/concerts").then().statusCode(200);
    }

    @Test
    void aBodyThatStopsArrivingIsA408AndNoOutage() {
        String start = TestClock.now().plus(Duration.ofDays(40)).toString();
        String whole = post(
                "/api/v1/admin/concerts",
                "localhost",
                Tokens.admin(),
                "{\"title\":\"Stalled\",\"schedules\":[{\"startsAt\":\"" + start
                        + "\",\"seatCount\":1,\"price\":1000}]}");
        // the head and the first 10 bytes of the body, then nothing (quarkus.http.read-timeout: 3 s in tests)
        String stalled = whole.substring(0, whole.indexOf("\r\n\r\n") + 4 + 10);

        // the answer is a 408, or the connection is closed before one is written (Micrometer: RESET)
        double timeoutsBefore = counted("408") + counted("RESET");
        double outagesBefore = counted("503");

        RawHttp.Answer answer = RawHttp.exchange(stalled, WAIT);

        // the framework closes the connection when the read gives up; if an answer gets out, it is the 408
        assertTrue(
                answer.status() == 408 || (answer.status() == 0 && answer.closed()),
                "408 or the connection closed: " + answer.head() + "\n" + answer.body());
        if (answer.status() == 408) {
            assertTrue(answer.body().contains("urn:concert-booking:problem:request-timeout"), answer.body());
        }
        // counted as the client's timeout, never as a dependency outage
        Instant deadline = Instant.now().plusSeconds(60);
        while (counted("408") + counted("RESET") <= timeoutsBefore) {
            assertTrue(
                    Instant.now().isBefore(deadline),
                    "no 408 counted for the stalled request: "
                            + Management.given()
                                    .get("/metrics")
                                    .asString()
                                    .lines()
                                    .filter(l -> l.contains("/api/v1/admin/concerts"))
                                    .toList());
            Thread.onSpinWait();
        }
        assertEquals(outagesBefore, counted("503"));
    }

    @Test
    void aRequestTargetThatIsNoUriIsABare400FromTheHttpLayer() {
        // documented (docs/api.md, D67): Quarkus checks the request target (java.net.URI) before the
        // router and answers an empty 400 itself; the only switch turns the check off for everything
        RawHttp.Answer answer = RawHttp.exchange(
                "GET /api/v1/concerts/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", WAIT);

        assertEquals(400, answer.status(), answer.head());
        // a bad percent-encoding in a query parameter is a URI too: not a 500 either
        RawHttp.Answer query = RawHttp.exchange(
                "GET /api/v1/concerts?limit=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", WAIT);
        assertEquals(400, query.status(), query.head());
    }

    @Test
    void headersOverTheLimitAreA431FromTheCodecWithoutABody() {
        // documented (docs/api.md, D67): the HTTP codec answers before the router, with no hook for a body
        RawHttp.Answer answer = RawHttp.exchange(
                "GET /api/v1/concerts HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40_000)
                        + "\r\nConnection: close\r\n\r\n",
                WAIT);

        assertEquals(431, answer.status(), answer.head());
    }

    /** {@code http_server_requests_seconds_count} of POST /api/v1/admin/concerts with {@code status}. */
    private static double counted(String status) {
        String metrics = Management.given()
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("method=\"POST\"")
                        && line.contains("status=\"" + status + "\"")
                        && line.contains("uri=\"/api/v1/admin/concerts\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
