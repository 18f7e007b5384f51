package contract;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Api.as;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import support.Api;
import support.Db;
import support.Tokens;

/**
 * Every endpoint, fed what a careless or hostile client sends: a 4xx problem+json, never a 5xx,
 * and nothing changed in PostgreSQL or in the waiting room.
 */
@QuarkusTest
class BadInputSweepTest {
    private static final String TEN_KB = "x".repeat(10 * 1024);
    private static final String[] HUGE_NUMBERS = {
        "9223372036854775808", "-9223372036854775809", "2147483648", "1e400", "99999999999999999999999"
    };

    private static final String user = Tokens.newUserId();
    private static Api.ConcertFixture concert;
    private static String queueToken;
    private static String reservation;

    /** The fixture is made on first use: the application is not up yet when the cases are listed. */
    private static synchronized void setUp() {
        if (concert == null) {
            concert = Api.createConcert(1, 3, 1000);
            queueToken = Api.enterActive(user, concert.id());
            reservation = Api.holdOk(user, queueToken, concert.schedule(), 1);
            Api.charge(user, 5000);
        }
    }

    private static String resolve(String template) {
        return template.replace("__CONCERT__", Long.toString(concert.id()))
                .replace("__SCHEDULE__", Long.toString(concert.schedule()))
                .replace("__RESERVATION__", reservation);
    }

    record Case(String name, String method, String path, String contentType, String body, boolean admin) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        bodyCases(
                cases,
                "POST",
                "/api/v1/reservations",
                false,
                "{\"scheduleId\":__SCHEDULE__,\"seatNumber\":2}",
                "scheduleId",
                "seatNumber");
        bodyCases(
                cases,
                "POST",
                "/api/v1/reservations",
                false,
                "{\"scheduleId\":__SCHEDULE__,\"seatNumbers\":[2,3]}",
                "seatNumbers");
        bodyCases(cases, "POST", "/api/v1/payments", false, "{\"reservationId\":\"__RESERVATION__\"}", "reservationId");
        bodyCases(
                cases,
                "POST",
                "/api/v1/payments",
                false,
                "{\"reservationIds\":[\"__RESERVATION__\"]}",
                "reservationIds");
        bodyCases(cases, "POST", "/api/v1/wallet/charges", false, "{\"amount\":100}", "amount");
        bodyCases(cases, "PUT", "/api/v1/admin/concerts/__CONCERT__/queue", true, "{\"maxActive\":5}", "maxActive");
        bodyCases(
                cases,
                "PUT",
                "/api/v1/admin/concerts/__CONCERT__/opening",
                true,
                "{\"opensAt\":\"2099-01-01T00:00:00Z\"}",
                "opensAt");
        // extreme on-sale times: beyond epoch milliseconds, beyond PostgreSQL's timestamps, the far past
        for (String bad : new String[] {
            "\"+999999999-12-31T23:59:59Z\"",
            "\"-999999999-01-01T00:00:00Z\"",
            "\"+10000-01-01T00:00:00Z\"",
            "\"1969-12-31T23:59:59Z\""
        }) {
            cases.add(new Case(
                    "admin opening " + bad,
                    "PUT",
                    "/api/v1/admin/concerts/__CONCERT__/opening",
                    "application/json",
                    "{\"opensAt\":" + bad + "}",
                    true));
            cases.add(new Case(
                    "admin concert opening " + bad,
                    "POST",
                    "/api/v1/admin/concerts",
                    "application/json",
                    "{\"title\":\"t\",\"opensAt\":" + bad
                            + ",\"schedules\":[{\"startsAt\":\"2099-01-01T00:00:00Z\",\"seatCount\":1,\"price\":1}]}",
                    true));
        }
        String start = "2099-01-01T00:00:00Z";
        bodyCases(
                cases,
                "POST",
                "/api/v1/admin/concerts",
                true,
                "{\"title\":\"t\",\"schedules\":[{\"startsAt\":\"" + start + "\",\"seatCount\":1,\"price\":1}]}",
                "title",
                "schedules");
        String schedulePath = "{\"title\":\"t\",\"schedules\":[{\"startsAt\":%s,\"seatCount\":%s,\"price\":%s}]}";
        for (String[] bad : new String[][] {
            {"\"yesterday\"", "1", "1"},
            {"12", "1", "1"},
            {"null", "1", "1"},
            {"\"" + start + "\"", "0", "1"},
            {"\"" + start + "\"", "100001", "1"},
            {"\"" + start + "\"", "1.5", "1"},
            {"\"" + start + "\"", "1", "0"},
            {"\"" + start + "\"", "1", "-5"},
            {"\"" + start + "\"", "1", "10000001"},
            {"\"" + start + "\"", "1", "1.5"},
            {"\"" + start + "\"", "\"1\"", "1"},
            {"\"" + start + "\"", "1", "9223372036854775808"},
            // extreme instants: beyond epoch milliseconds, beyond PostgreSQL's timestamps, the far past
            {"\"+999999999-12-31T23:59:59Z\"", "1", "1"},
            {"\"-999999999-01-01T00:00:00Z\"", "1", "1"},
            {"\"+1000000-01-01T00:00:00Z\"", "1", "1"},
            {"\"+10000-01-01T00:00:00Z\"", "1", "1"}
        }) {
            cases.add(new Case(
                    "admin schedule " + String.join(",", bad),
                    "POST",
                    "/api/v1/admin/concerts",
                    "application/json",
                    schedulePath.formatted((Object[]) bad),
                    true));
        }
        cases.add(new Case(
                "admin concert with 101 schedules",
                "POST",
                "/api/v1/admin/concerts",
                "application/json",
                "{\"title\":\"t\",\"schedules\":["
                        + String.join(
                                ",",
                                java.util.Collections.nCopies(
                                        101, "{\"startsAt\":\"" + start + "\",\"seatCount\":1,\"price\":1}"))
                        + "]}",
                true));
        cases.add(new Case(
                "admin concert with no schedules",
                "POST",
                "/api/v1/admin/concerts",
                "application/json",
                "{\"title\":\"t\",\"schedules\":[]}",
                true));
        cases.add(new Case(
                "admin concert with blank title",
                "POST",
                "/api/v1/admin/concerts",
                "application/json",
                "{\"title\":\"   \",\"schedules\":[{\"startsAt\":\"" + start + "\",\"seatCount\":1,\"price\":1}]}",
                true));

        for (String id : new String[] {"abc", "-1", "0", "9223372036854775808", "1.5", "%20", TEN_KB}) {
            cases.add(new Case(
                    "enter queue of concert " + abbreviate(id),
                    "POST",
                    "/api/v1/concerts/" + id + "/queue/tokens",
                    null,
                    null,
                    false));
            cases.add(new Case(
                    "schedules of concert " + abbreviate(id),
                    "GET",
                    "/api/v1/concerts/" + id + "/schedules",
                    null,
                    null,
                    false));
            cases.add(new Case(
                    "seats of schedule " + abbreviate(id),
                    "GET",
                    "/api/v1/schedules/" + id + "/seats",
                    null,
                    null,
                    false));
            cases.add(
                    new Case("reservation " + abbreviate(id), "GET", "/api/v1/reservations/" + id, null, null, false));
            cases.add(new Case(
                    "cancel reservation " + abbreviate(id), "DELETE", "/api/v1/reservations/" + id, null, null, false));
            cases.add(new Case(
                    "admin queue of " + abbreviate(id),
                    "GET",
                    "/api/v1/admin/concerts/" + id + "/queue",
                    null,
                    null,
                    true));
        }
        for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-01-01"}) {
            cases.add(new Case(
                    "reconciliation of " + date,
                    "POST",
                    "/api/v1/admin/reconciliations",
                    "application/json",
                    "{\"date\":\"" + date + "\"}",
                    true));
            cases.add(new Case(
                    "reconciliation report of " + date,
                    "GET",
                    "/api/v1/admin/reconciliations/" + date,
                    null,
                    null,
                    true));
        }
        cases.add(new Case(
                "reconciliation items filtered by a provider with U+0000",
                "GET",
                "/api/v1/admin/reconciliations/2026-11-21/items?provider=a%00b",
                null,
                null,
                true));
        cases.add(new Case(
                "reservation id with U+0000 (404 like any malformed id)",
                "GET",
                "/api/v1/reservations/a%00b",
                null,
                null,
                false));
        cases.add(new Case("unknown path", "GET", "/api/v1/nothing-here", null, null, false));
        cases.add(new Case("wrong method on concerts", "DELETE", "/api/v1/concerts", null, null, false));
        cases.add(new Case("wrong method on wallet", "PUT", "/api/v1/wallet", "application/json", "{}", false));
        cases.add(new Case(
                "history limit huge",
                "GET",
                "/api/v1/wallet/transactions?limit=9223372036854775808",
                null,
                null,
                false));
        return cases.stream().map(Arguments::of);
    }

    private static void bodyCases(
            List<Case> cases, String method, String path, boolean admin, String valid, String... fields) {
        String what = method + " " + path.replaceAll("/[0-9]+", "/{id}") + ": ";
        for (String body : new String[] {
            "", "{", "not json", "{\"a\":}", "[]", "null", "\"text\"", "42", valid + "{}", valid + " trailing"
        }) {
            cases.add(new Case(what + "malformed " + abbreviate(body), method, path, "application/json", body, admin));
        }
        cases.add(new Case(what + "empty object", method, path, "application/json", "{}", admin));
        cases.add(new Case(what + "text/plain", method, path, "text/plain", valid, admin));
        cases.add(new Case(what + "application/xml", method, path, "application/xml", "<a/>", admin));
        cases.add(new Case(what + "no content type", method, path, null, valid, admin));
        for (String field : fields) {
            List<String> values = new ArrayList<>(
                    List.of("\"abc\"", "true", "{}", "[1]", "null", "1.5", "-1", "0", "\"" + TEN_KB + "\""));
            // text PostgreSQL cannot store: U+0000 and a lone surrogate (D58)
            values.addAll(List.of("\"a\\u0000b\"", "\"\\ud800\""));
            values.addAll(List.of(HUGE_NUMBERS));
            for (String value : values) {
                if ((value.equals("0") && field.equals("maxActive"))
                        || (value.equals("\"abc\"") && field.equals("title"))
                        || (value.equals("2147483648") && field.equals("opensAt"))) {
                    // valid values: a cap of 0 pauses admission; "abc" is a fine title; 2^31 s is a time in 2038
                    continue;
                }
                String body = valid.replaceFirst(
                        "\"" + field + "\":(\"[^\"]*\"|\\[.*\\]|[^,}]+)",
                        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value));
                if (body.equals(valid)) {
                    continue;
                }
                cases.add(new Case(
                        what + field + "=" + abbreviate(value), method, path, "application/json", body, admin));
            }
            String without = valid.replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|\\[.*\\]|[^,}]+)", "")
                    .replace("{,", "{");
            cases.add(new Case(what + "missing " + field, method, path, "application/json", without, admin));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…(" + s.length() + ")" : s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAProblemAndChangesNothing(Case c) {
        setUp();
        String before = Db.snapshot() + waitingRoom();
        RequestSpecification request = as(c.admin() ? Tokens.admin() : Tokens.user(user))
                .header("Queue-Token", queueToken)
                .header("Idempotency-Key", "sweep-" + UUID.randomUUID())
                .urlEncodingEnabled(false);
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request.body(resolve(c.body()));
        }
        var response = request.request(c.method(), resolve(c.path())).then();
        response.statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
        int status = response.extract().statusCode();
        assertProblem(response, status);
        assertEquals(before, Db.snapshot() + waitingRoom(), "a refused request changed state");
    }

    private static String waitingRoom() {
        return as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert.id() + "/queue")
                .asString();
    }
}
