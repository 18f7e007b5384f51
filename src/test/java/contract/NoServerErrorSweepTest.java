package contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Http;
import support.Tokens;

/**
 * Every operation of the OpenAPI document (so a new endpoint is swept without anyone listing it),
 * fed hostile input — extreme dates, huge numbers, NaN, wrong types, unknown fields, null and array
 * bodies, non-UTF-8 bytes, very long ids, keys and headers — as a user and as an admin: never a 5xx.
 * (BadInputSweepTest holds the cases that must be refused and change nothing; here some hostile
 * inputs are legitimately accepted, e.g. an unknown field, so the assertion is "no server error".)
 */
@QuarkusTest
class NoServerErrorSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG = "k".repeat(8 * 1024);

    private static final String[] PATH_VALUES = {
        "abc", "-1", "0", "9223372036854775808", "1e30", "NaN", "%00", "%FF%FE", "%E2%80%AE", LONG.substring(0, 4000)
    };

    private static final String[] BODIES = {
        "null",
        "[]",
        "[{}]",
        "\"text\"",
        "NaN",
        "{\"amount\":NaN}",
        "{\"amount\":1e30}",
        "{\"amount\":9223372036854775808}",
        "{\"amount\":-9223372036854775808}",
        "{\"amount\":100,\"unknown\":1,\"extra\":{\"deep\":[1,2,3]}}",
        "{\"reservationId\":\"" + LONG + "\"}",
        "{\"reservationId\":[\"a\"]}",
        "{\"scheduleId\":1,\"seatNumber\":2147483648}",
        "{\"scheduleId\":9223372036854775807,\"seatNumber\":1}",
        "{\"scheduleId\":-9223372036854775808,\"seatNumber\":-2147483648}",
        "{\"maxActive\":2147483648}",
        "{\"maxActive\":-1}",
        "{\"date\":\"+999999999-12-31\"}",
        "{\"date\":\"-999999999-01-01\"}",
        "{\"date\":\"0000-00-00\"}",
        "{\"title\":\"t\",\"schedules\":[{\"startsAt\":\"+999999999-12-31T23:59:59Z\",\"seatCount\":1,\"price\":1}]}",
        "{\"title\":\"t\",\"schedules\":[{\"startsAt\":\"-999999999-01-01T00:00:00Z\",\"seatCount\":1,\"price\":1}]}",
        "{\"title\":\"t\",\"schedules\":[{\"startsAt\":\"+1000000-01-01T00:00:00Z\",\"seatCount\":1,\"price\":1}]}",
        "{\"title\":\"t\",\"schedules\":[{\"startsAt\":\"1970-01-01T00:00:00Z\",\"seatCount\":1,\"price\":1}]}",
        "{\"title\":\"t\",\"schedules\":[{\"startsAt\":1e30,\"seatCount\":1,\"price\":1}]}",
        "{\"title\":\"" + LONG
                + "\",\"schedules\":[{\"startsAt\":\"2099-01-01T00:00:00Z\",\"seatCount\":1,\"price\":1}]}",
        "{\"amount\":100,\"payment\":{\"provider\":\"" + LONG + "\",\"paymentKey\":\"" + LONG + "\",\"orderId\":\""
                + LONG + "\"}}",
        "{\"amount\":100,\"payment\":[]}",
        "{\"amount\":100,\"payment\":null}",
        "{\"" + LONG + "\":1}",
        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
    };

    record Operation(String method, String path) {}

    private static List<Operation> operations() throws Exception {
        JsonNode doc = JSON.readTree(as(Tokens.admin())
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    operations.add(new Operation(method, path.getKey()));
                }
            }
        }
        assertTrue(operations.size() >= 15, "the document lists the API: " + operations);
        return operations;
    }

    @Test
    void noOperationAnswersAServerErrorToHostileInput() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        String user = Tokens.newUserId();
        String queueToken = Api.enterActive(user, concert.id());
        String reservation = Api.holdOk(user, queueToken, concert.schedule(), 1);
        List<String> serverErrors = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations()) {
            List<String> paths = new ArrayList<>();
            paths.add(op.path()
                    .replaceAll("\\{concertId}|\\{id}", Long.toString(concert.id()))
                    .replace("{scheduleId}", Long.toString(concert.schedule()))
                    .replace("{reservationId}", reservation)
                    .replaceAll("\\{[^}]+}", "x"));
            for (String value : PATH_VALUES) {
                if (op.path().contains("{")) {
                    paths.add(op.path().replaceAll("\\{[^}]+}", value));
                }
            }
            // the caller the operation is for (admin paths as an admin), and the other one without a body
            String bearer = op.path().startsWith("/api/v1/admin") ? Tokens.admin() : Tokens.user(user);
            String other = op.path().startsWith("/api/v1/admin") ? Tokens.user(user) : Tokens.admin();
            boolean hasBody = !op.method().equals("GET") && !op.method().equals("DELETE");
            for (String path : paths) {
                requests += 2;
                record(serverErrors, op, path, "no body", send(op.method(), path, bearer, queueToken, null, null));
                record(serverErrors, op, path, "other role", send(op.method(), path, other, queueToken, null, null));
            }
            if (hasBody) {
                String path = paths.getFirst();
                for (String body : BODIES) {
                    requests++;
                    record(
                            serverErrors,
                            op,
                            path,
                            abbreviate(body),
                            send(op.method(), path, bearer, queueToken, body, null));
                }
                requests++;
                record(serverErrors, op, path, "non-UTF-8 body", sendBytes(op.method(), path, bearer, queueToken));
            }
            // hostile headers on the real path
            String path = paths.getFirst();
            for (Map<String, String> headers : List.of(
                    Map.of("Idempotency-Key", LONG),
                    Map.of("Idempotency-Key", ""),
                    Map.of("Idempotency-Key", "ké\u0000y"),
                    Map.of("Queue-Token", LONG),
                    Map.of("Job-Trigger-Secret", LONG),
                    Map.of("X-Forwarded-For", LONG),
                    Map.of("Accept", "application/xml"),
                    Map.of("Accept-Language", LONG))) {
                requests++;
                String body = hasBody ? "{\"amount\":1}" : null;
                record(
                        serverErrors,
                        op,
                        path,
                        "headers " + abbreviate(headers.toString()),
                        send(op.method(), path, bearer, queueToken, body, headers));
            }
        }
        assertTrue(requests > 500, "swept " + requests + " requests");
        assertEquals(List.of(), serverErrors, "no 5xx in " + requests + " hostile requests");
        // the sweep hit real endpoints: the fixture still answers normally
        Api.asUser(user).get("/api/v1/reservations/" + reservation).then().statusCode(200);
        assertTrue(Db.count("SELECT count(*) FROM concert") > 0);
    }

    private static Response send(
            String method, String path, String bearer, String queueToken, String body, Map<String, String> headers) {
        RequestSpecification request = as(bearer)
                .header("Queue-Token", queueToken)
                .header("Idempotency-Key", "sweep-" + UUID.randomUUID())
                .urlEncodingEnabled(false);
        if (headers != null) {
            headers.forEach((name, value) -> request.header(name, value));
        }
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        return request.request(method, path);
    }

    private static Response sendBytes(String method, String path, String bearer, String queueToken) {
        byte[] notUtf8 = {
            '{',
            '"',
            'a',
            'm',
            'o',
            'u',
            'n',
            't',
            '"',
            ':',
            '1',
            ',',
            '"',
            't',
            '"',
            ':',
            '"',
            (byte) 0xC3,
            (byte) 0x28,
            (byte) 0xFF,
            (byte) 0xFE,
            '"',
            '}'
        };
        return as(bearer)
                .header("Queue-Token", queueToken)
                .header("Idempotency-Key", "sweep-" + UUID.randomUUID())
                .urlEncodingEnabled(false)
                .contentType("application/json; charset=UTF-8")
                .body(notUtf8)
                .request(method, path);
    }

    private static void record(List<String> errors, Operation op, String path, String what, Response response) {
        if (response.statusCode() >= 500) {
            errors.add(response.statusCode() + " " + op.method() + " " + abbreviate(path) + " [" + what + "]: "
                    + abbreviate(response.asString()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }

    /** Many parallel first uses of one new Idempotency-Key: one effect, every answer a 2xx or 4xx/503. */
    @Test
    void concurrentFirstUsesOfOneIdempotencyKeyNeverAnswer500() throws Exception {
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        String chargeKey = "race-" + UUID.randomUUID();
        List<Callable<HttpResponse<String>>> charges = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            charges.add(() -> Http.send(
                    "POST",
                    "/api/v1/wallet/charges",
                    bearer,
                    Map.of("Idempotency-Key", chargeKey),
                    "{\"amount\":700}"));
        }
        List<HttpResponse<String>> answers = Http.race(charges);
        for (HttpResponse<String> answer : answers) {
            assertNoServerError(answer);
        }
        assertEquals(
                700,
                Api.asUser(user)
                        .get("/api/v1/wallet")
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("balance"));

        Api.ConcertFixture concert = Api.createConcert(1, 1, 500);
        String token = Api.enterActive(user, concert.id());
        String reservation = Api.holdOk(user, token, concert.schedule(), 1);
        String payKey = "race-" + UUID.randomUUID();
        List<Callable<HttpResponse<String>>> payments = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            payments.add(() -> Http.send(
                    "POST",
                    "/api/v1/payments",
                    bearer,
                    Map.of("Idempotency-Key", payKey),
                    "{\"reservationId\":\"" + reservation + "\"}"));
        }
        for (HttpResponse<String> answer : Http.race(payments)) {
            assertNoServerError(answer);
        }
        assertEquals(1, Db.count("SELECT count(*) FROM payment WHERE reservation_id = ?::uuid", reservation));
        assertEquals(
                200,
                Api.asUser(user)
                        .get("/api/v1/wallet")
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("balance"));
    }

    /** A 2xx or 4xx; or the documented 503 of a wallet whose payments queue up (wallet-busy, with Retry-After). */
    private static void assertNoServerError(HttpResponse<String> answer) {
        boolean walletBusy = answer.statusCode() == 503
                && answer.body().contains("wallet-busy")
                && answer.headers().firstValue("Retry-After").isPresent();
        assertTrue(answer.statusCode() < 500 || walletBusy, answer.statusCode() + " " + answer.body());
    }
}
