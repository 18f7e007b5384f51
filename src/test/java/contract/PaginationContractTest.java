package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import support.Api;
import support.Db;
import support.Pages;
import support.Tokens;

/**
 * Every growing list pages the same way (D51): {@code limit} (default 50, at most 500), an opaque
 * {@code cursor}, and {@code Link: <…>; rel="next"} while more follow; following next until it is
 * absent reads each item exactly once, also while new items arrive between the pages.
 */
@QuarkusTest
class PaginationContractTest {
    private static final String RESERVATIONS = "/api/v1/reservations";
    private static final String TRANSACTIONS = "/api/v1/wallet/transactions";

    private static Api.ConcertFixture concert;

    /** One concert for the whole class, made once the application runs. */
    @BeforeEach
    void aConcert() {
        if (concert == null) {
            concert = Api.createConcert(1, 10, 1_000);
        }
    }

    /**
     * {@code count} finished reservations of {@code user} on seat 1, three per second (ties on
     * created_at are broken by id), the newest a minute ago; every other one CANCELLED, the rest EXPIRED.
     */
    private static void reservations(String user, int count) {
        Db.update("""
                INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status,
                                         expires_at, created_at, updated_at)
                SELECT gen_random_uuid(), ?, sc.concert_id, sc.id, seat.id, seat.number, seat.price,
                       CASE WHEN g % 2 = 0 THEN 'CANCELLED' ELSE 'EXPIRED' END,
                       now() - interval '1 hour', now() - interval '1 minute' - (g / 3) * interval '1 second', now()
                FROM generate_series(1, ?) g
                JOIN schedule sc ON sc.id = ?
                JOIN seat ON seat.schedule_id = sc.id AND seat.number = 1
                """, user, count, concert.schedule());
    }

    /** The user's reservation ids as the list must show them: newest first, ties by id. */
    private static List<String> newestFirst(String user, String status) {
        String ids = Db.text(
                "SELECT string_agg(id::text, ',' ORDER BY created_at DESC, id DESC) FROM reservation "
                        + "WHERE user_id = ? AND status LIKE ?",
                user,
                status);
        return ids == null ? List.of() : List.of(ids.split(","));
    }

    /** {@code count} ledger lines of {@code user}, written straight into the ledger. */
    private static void ledger(String user, int count) {
        Db.update("""
                INSERT INTO wallet_transaction (id, user_id, type, amount, balance_after, created_at)
                SELECT gen_random_uuid(), ?, 'CHARGE', g, g * (g + 1) / 2, now()
                FROM generate_series(1, ?) g ORDER BY g
                """, user, count);
    }

    private static List<String> ledgerNewestFirst(String user) {
        String ids = Db.text(
                "SELECT string_agg(id::text, ',' ORDER BY seq DESC) FROM wallet_transaction WHERE user_id = ?", user);
        return ids == null ? List.of() : List.of(ids.split(","));
    }

    private static ExtractableResponse<Response> get(String user, String url) {
        return bearer(user == null ? Tokens.admin() : Tokens.user(user), url);
    }

    private static ExtractableResponse<Response> bearer(String token, String url) {
        return Api.as(token).urlEncodingEnabled(false).get(url).then().extract();
    }

    /** The next page's URL of a 200, or null when it is the last. */
    private static String next(ExtractableResponse<Response> page) {
        return Pages.next(page);
    }

    /** Follows next from {@code url} until it is absent; each page's ids, in order (user null: as admin). */
    private static List<List<String>> follow(String user, String url, Runnable betweenPages) {
        return follow(user, url, "id", betweenPages);
    }

    private static List<List<String>> follow(String user, String url, String ids, Runnable betweenPages) {
        return Pages.follow(() -> Api.as(user == null ? Tokens.admin() : Tokens.user(user)), url, betweenPages).stream()
                .map(page -> page.jsonPath().getList(ids, String.class))
                .toList();
    }

    private static List<String> flat(List<List<String>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }

    private static List<Integer> sizes(List<List<String>> pages) {
        return pages.stream().map(List::size).toList();
    }

    @Test
    void myReservationsPageFiftyAtATimeByDefaultAndNextReadsEachExactlyOnce() {
        String user = Tokens.newUserId();
        reservations(user, 120);
        reservations(Tokens.newUserId(), 3); // someone else's are never shown

        List<List<String>> pages = follow(user, RESERVATIONS, () -> {});

        assertEquals(List.of(50, 50, 20), sizes(pages));
        assertEquals(newestFirst(user, "%"), flat(pages));
        assertEquals(120, new HashSet<>(flat(pages)).size());
    }

    @Test
    void theLargestLimitReadsEverythingInOnePageWithoutALink() {
        String user = Tokens.newUserId();
        reservations(user, 60);

        ExtractableResponse<Response> page = get(user, RESERVATIONS + "?limit=500");

        assertNull(next(page));
        assertEquals(newestFirst(user, "%"), page.jsonPath().getList("id", String.class));
    }

    @Test
    void aStatusFilterAndTheLimitAreKeptInEveryNextLink() {
        String user = Tokens.newUserId();
        reservations(user, 30);

        List<List<String>> pages = follow(user, RESERVATIONS + "?status=CANCELLED&limit=4", () -> {});

        assertEquals(List.of(4, 4, 4, 3), sizes(pages));
        assertEquals(newestFirst(user, "CANCELLED"), flat(pages));
        String second = next(get(user, RESERVATIONS + "?status=CANCELLED&limit=4"));
        assertNotNull(second);
        assertTrue(second.startsWith(RESERVATIONS + "?status=CANCELLED&limit=4&cursor="), second);
    }

    @Test
    void reservationsMadeWhilePagingDoNotShiftThePagesStillToCome() {
        String user = Tokens.newUserId();
        reservations(user, 25);
        List<String> before = newestFirst(user, "%");
        String queueToken = Api.enterActive(user, concert.id());
        int[] seat = {2};

        List<List<String>> pages = follow(user, RESERVATIONS + "?limit=6", () -> {
            // a real hold through the API, and two more made "now" straight in the table
            Api.holdOk(user, queueToken, concert.schedule(), seat[0]++);
            Db.update("""
                    INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price,
                                             status, expires_at, created_at, updated_at)
                    SELECT gen_random_uuid(), user_id, concert_id, schedule_id, seat_id, seat_number, price,
                           'CANCELLED', expires_at, now(), now()
                    FROM reservation WHERE user_id = ? LIMIT 2
                    """, user);
        });

        assertEquals(before, flat(pages), "each reservation of the start exactly once, in order");
        assertEquals(List.of(6, 6, 6, 6, 1), sizes(pages));
        assertTrue(newestFirst(user, "%").size() > before.size() + 8, "items were added while paging");
    }

    @Test
    void aHeldSeatIsListedAndReadsHeldWhileItsHoldLasts() {
        String user = Tokens.newUserId();
        String queueToken = Api.enterActive(user, concert.id());
        String held = Api.holdOk(user, queueToken, concert.schedule(), 9);

        asUser(user)
                .get(RESERVATIONS + "?status=HELD")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(held)))
                .body("[0].status", equalTo("HELD"))
                .body("[0].seatNumber", equalTo(9));
        asUser(user)
                .get(RESERVATIONS + "?status=CONFIRMED")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        Db.update("UPDATE reservation SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", held);
        asUser(user).get(RESERVATIONS + "?status=HELD").then().statusCode(200).body("$", hasSize(0));
        asUser(user)
                .get(RESERVATIONS + "?status=EXPIRED")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(held)))
                .body("[0].status", equalTo("EXPIRED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "x", "1.5", "99999999999"})
    void aLimitOutsideOneToFiveHundredIsABadRequest(String limit) {
        String user = Tokens.newUserId();
        for (String path : List.of(RESERVATIONS, TRANSACTIONS)) {
            assertProblem(asUser(user).queryParam("limit", limit).get(path).then(), 400, "invalid-input")
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGarbledTamperedOrForeignCursorIsABadRequestNeverAServerError() {
        String user = Tokens.newUserId();
        reservations(user, 3);
        ledger(user, 3);
        String reservationsNext = next(get(user, RESERVATIONS + "?limit=1"));
        String cursor = reservationsNext.substring(reservationsNext.indexOf("cursor=") + "cursor=".length());
        String ledgerNext = next(get(user, TRANSACTIONS + "?limit=1"));
        String ledgerCursor = ledgerNext.substring(ledgerNext.indexOf("cursor=") + "cursor=".length());
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);

        List<String> bad = new ArrayList<>(List.of(
                "%%%",
                "not base64!",
                cursor + "A",
                cursor.substring(0, cursor.length() - 2),
                "x".repeat(300),
                base64url("v1.reservations.12.not-a-uuid"),
                base64url("v1.reservations.NaN." + UUID.randomUUID()),
                base64url("v2" + decoded.substring(2)),
                base64url(decoded + ".extra"),
                base64url(decoded.replace(".", "..")),
                base64url("v1.reservations.99999999999999999999." + UUID.randomUUID()),
                base64url("v1.reservations.+5." + UUID.randomUUID()),
                base64url("v1.reservations.5.1-2-3-4-5"),
                base64url("\u0000\uffff"),
                ledgerCursor));
        for (String c : bad) {
            assertProblem(asUser(user).queryParam("cursor", c).get(RESERVATIONS).then(), 400, "invalid-input")
                    .body("errors[0].field", equalTo("cursor"));
        }
        assertProblem(
                asUser(user).queryParam("cursor", cursor).get(TRANSACTIONS).then(), 400, "invalid-input");
        // a well-formed key of our own making is only a place in the caller's own list
        Set<String> mine = new HashSet<>(newestFirst(user, "%"));
        String forged = base64url("v1.reservations.0." + UUID.randomUUID());
        asUser(user)
                .queryParam("cursor", forged)
                .get(RESERVATIONS)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        String later = base64url("v1.reservations." + Long.MAX_VALUE + "." + UUID.randomUUID());
        assertEquals(
                mine,
                new HashSet<>(asUser(user)
                        .queryParam("cursor", later)
                        .get(RESERVATIONS)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id", String.class)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BOGUS", "held", "HELD,CONFIRMED", " HELD"})
    void anUnknownStatusIsABadRequest(String status) {
        assertProblem(
                        asUser(Tokens.newUserId())
                                .queryParam("status", status)
                                .get(RESERVATIONS)
                                .then(),
                        400,
                        "invalid-input")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void theLedgerPagesAndLinesWrittenWhilePagingDoNotShiftIt() {
        String user = Tokens.newUserId();
        ledger(user, 110);
        List<String> before = ledgerNewestFirst(user);

        List<List<String>> pages = follow(user, TRANSACTIONS, () -> Api.charge(user, 5));

        assertEquals(List.of(50, 50, 10), sizes(pages));
        assertEquals(before, flat(pages));
        assertEquals(112, ledgerNewestFirst(user).size());
        assertNull(next(get(user, TRANSACTIONS + "?limit=500")));
        assertEquals(
                112,
                get(user, TRANSACTIONS + "?limit=500").jsonPath().getList("id").size());
    }

    private static final String MARK = "pagination-test";

    /** {@code count} finished runs started {@code at} plus g seconds (g = 1 … count), by {@link #MARK}. */
    private static void runs(int count, String at) {
        Db.update("""
                INSERT INTO partner_sync_run (id, requested_by, status, started_at, finished_at)
                SELECT gen_random_uuid(), ?, 'COMPLETED', ?::timestamptz + (g / 2) * interval '1 second',
                       ?::timestamptz + (g / 2) * interval '1 second'
                FROM generate_series(1, ?) g
                """, MARK, at, at, count);
    }

    @Test
    void partnerSyncRunsPageNewestFirstAndRunsStartedWhilePagingDoNotShiftThem() {
        try {
            runs(23, "1999-01-01T00:00:00Z"); // ties: two runs per second
            String all = Db.text(
                    "SELECT string_agg(id::text, ',' ORDER BY started_at DESC, id DESC) " + "FROM partner_sync_run");
            List<String> before = List.of(all.split(","));

            List<List<String>> pages = follow(
                    null,
                    "/api/v1/admin/jobs/partner-sync?limit=5",
                    "runs.id",
                    () -> runs(2, java.time.Instant.now().toString()));

            assertEquals(before, flat(pages));
            assertTrue(pages.size() >= 5, "several pages: " + sizes(pages));
            assertTrue(pages.subList(0, pages.size() - 1).stream().allMatch(p -> p.size() == 5));
        } finally {
            Db.update("DELETE FROM partner_sync_run WHERE requested_by = ?", MARK);
        }
    }

    /** {@code count} PARKED events, marked {@link #MARK} as their aggregate. */
    private static void parked(int count) {
        Db.update("""
                INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schema_version,
                                          occurred_at, status, attempts, next_attempt_at, last_error)
                SELECT gen_random_uuid(), ?, g::text, 'Test', '{}'::jsonb, 1, now(), 'PARKED', 3, now(), 'refused'
                FROM generate_series(1, ?) g ORDER BY g
                """, MARK, count);
    }

    @Test
    void parkedEventsPageOldestFirstAndEachIsReadOnce() {
        try {
            parked(12);
            List<String> before = List.of(
                    Db.text("SELECT string_agg(id::text, ',' ORDER BY seq) FROM outbox_event WHERE status = 'PARKED'")
                            .split(","));

            List<String> read = flat(follow(null, "/api/v1/admin/outbox/parked?limit=4", () -> parked(1)));

            // an oldest-first list: events parked meanwhile come after the key, at its end
            assertEquals(before, read.subList(0, before.size()));
            assertEquals(read.size(), new HashSet<>(read).size(), "each once: " + read);
            assertTrue(read.size() > before.size(), "events parked while paging are read at the end");
            assertProblem(
                    Api.as(Tokens.admin())
                            .get("/api/v1/admin/outbox/parked?limit=501")
                            .then(),
                    400,
                    "invalid-input");
        } finally {
            Db.update("DELETE FROM outbox_event WHERE aggregatetype = ?", MARK);
        }
    }

    @Test
    void concertsPageOldestFirstAndOneCreatedWhilePagingIsReadOnALaterPage() {
        // at least two pages also when this class runs first on an empty database
        Api.createConcert(1, 1, 1_000);
        Api.createConcert(1, 1, 1_000);
        String total = Db.text("SELECT count(*)::text FROM concert");
        int limit = Math.max(1, Integer.parseInt(total) / 4);
        List<Long> created = new ArrayList<>();

        List<String> read = flat(follow(null, "/api/v1/concerts?limit=" + limit, () -> {
            if (created.isEmpty()) {
                created.add(Api.createConcert(1, 1, 1_000).id());
            }
        }));

        List<Long> ids = read.stream().map(Long::valueOf).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "each once, oldest first");
        assertEquals(Integer.parseInt(total) + 1, ids.size());
        // created after the first page, with an id above that page's key: read on a later page
        assertTrue(ids.contains(created.getFirst()), ids.toString());
    }
}
