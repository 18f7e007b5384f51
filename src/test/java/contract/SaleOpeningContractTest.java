package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import adapters.scheduler.ScheduledJobs;
import application.jobs.port.in.RunJobUseCase;
import domain.queue.PreQueueShuffle;
import domain.queue.QueueToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Pages;
import support.TestClock;
import support.Tokens;

/**
 * On-sale time and a fair start (D52), and sold out (D53), through the API: fans entering before a
 * concert's {@code opensAt} wait without a place; at the opening the pre-queue is shuffled once with
 * a recorded seed, ahead of everyone who arrives later; a concert with nothing left to sell admits
 * nobody and says SOLD_OUT.
 */
@QuarkusTest
class SaleOpeningContractTest {
    @Inject
    ScheduledJobs jobs;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A concert of one schedule (seats at 1,000 won) whose sale opens at {@code opensAt}. */
    private static long concertOpeningAt(Instant opensAt, int seats) {
        String body = "{\"title\":\"Opening " + UUID.randomUUID() + "\",\"opensAt\":\"" + opensAt
                + "\",\"schedules\":[{\"startsAt\":\"" + TestClock.now().plus(Duration.ofDays(30))
                + "\",\"seatCount\":" + seats + ",\"price\":1000}]}";
        return as(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/admin/concerts")
                .then()
                .statusCode(201)
                .body("opensAt", equalTo(opensAt.toString()))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static JsonPath opening(long concertId) {
        return as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concertId + "/opening")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static ExtractableResponse<Response> setOpening(long concertId, String body) {
        return as(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/admin/concerts/" + concertId + "/opening")
                .then()
                .extract();
    }

    private static JsonPath poll(String user, String token) {
        return asUser(user, token)
                .get("/api/v1/queue/token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The concert's {@code opensAt} as the public list shows it, following the list's pages (oldest first). */
    private static String listedOpensAt(long concert) {
        return Pages.follow(() -> Api.asUser(Tokens.newUserId()), "/api/v1/concerts?limit=500").stream()
                .map(page -> JsonPath.from(page.asString()).getString("find { it.id == " + concert + " }.opensAt"))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private long openDueSales() {
        return jobs.runOnce(RunJobUseCase.QUEUE_OPENING);
    }

    @Test
    void fansWhoEnterBeforeTheOpeningAreShuffledOnceAheadOfLaterArrivalsAndTheSeedReproducesTheOrder() {
        // within queue.waiting-ttl: pre-queued fans who stop polling leave, as in the line
        Instant opensAt =
                TestClock.now().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long concert = concertOpeningAt(opensAt, 5);
        Api.setMaxActive(concert, 1);
        assertEquals(opensAt.toString(), listedOpensAt(concert));

        int n = 12;
        Map<String, String> userOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String user = Tokens.newUserId();
            ExtractableResponse<Response> entered = Api.enter(user, concert);
            assertEquals(201, entered.statusCode(), entered.asString());
            assertEquals("WAITING", entered.jsonPath().getString("status"));
            assertNull(entered.jsonPath().get("position"), "no place before the opening");
            assertNull(entered.jsonPath().get("estimatedWaitSeconds"));
            assertEquals(opensAt.toString(), entered.jsonPath().getString("opensAt"));
            userOf.put(entered.jsonPath().getString("token"), user);
            TestClock.advance(Duration.ofMillis(3));
        }
        String someone = userOf.keySet().iterator().next();
        JsonPath waiting = poll(userOf.get(someone), someone);
        assertEquals("WAITING", waiting.getString("status"));
        assertNull(waiting.get("position"));
        assertEquals(opensAt.toString(), waiting.getString("opensAt"));

        assertEquals(0, openDueSales(), "not yet");
        assertEquals("SCHEDULED", opening(concert).getString("stage"));
        assertNull(opening(concert).get("shuffle"));
        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);
        assertNull(poll(userOf.get(someone), someone).get("position"), "admission lets nobody of a pre-queue in");

        // the sale opens; a fan arrives before the opening job has run: behind the whole pre-queue all the same
        TestClock.advance(Duration.between(TestClock.now(), opensAt));
        String early = Tokens.newUserId();
        ExtractableResponse<Response> earlyEntry = Api.enter(early, concert);
        String earlyToken = earlyEntry.jsonPath().getString("token");
        assertEquals("WAITING", earlyEntry.jsonPath().getString("status"), earlyEntry.asString());
        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);
        assertEquals("WAITING", poll(early, earlyToken).getString("status"), "not let in ahead of the pre-queue");

        assertEquals(n, openDueSales());

        JsonPath audit = opening(concert);
        assertEquals("OPENED", audit.getString("stage"));
        assertEquals(PreQueueShuffle.ALGORITHM, audit.getString("shuffle.algorithm"));
        assertEquals(n, audit.getInt("shuffle.preQueueSize"));
        String seed = audit.getString("shuffle.seed");
        assertTrue(seed.matches("[0-9a-f]{64}"), seed);

        // the positions: a permutation of 1..n, in exactly the order the recorded seed gives
        List<QueueToken> arrivals = new ArrayList<>();
        userOf.keySet().forEach(token -> arrivals.add(new QueueToken(token)));
        arrivals.sort(Comparator.comparingLong(QueueToken::arrival).thenComparing(QueueToken::value));
        List<QueueToken> expected = PreQueueShuffle.ofHex(seed).shuffle(arrivals);
        Set<Integer> positions = new HashSet<>();
        for (int place = 0; place < n; place++) {
            String token = expected.get(place).value();
            JsonPath status = poll(userOf.get(token), token);
            assertEquals("WAITING", status.getString("status"));
            assertEquals(place + 1, status.getInt("position"), "place " + place + " by the seed");
            positions.add(status.getInt("position"));
        }
        assertEquals(n, positions.size());
        assertEquals(
                PreQueueShuffle.digest(arrivals.stream().map(QueueToken::value).toList()),
                audit.getString("shuffle.inputDigest"));
        assertEquals(
                PreQueueShuffle.digest(expected.stream().map(QueueToken::value).toList()),
                audit.getString("shuffle.orderDigest"));
        assertEquals(n + 1, poll(early, earlyToken).getInt("position"), "the early-after-opening fan is next");
        String later = Tokens.newUserId();
        assertEquals(n + 2, Api.enter(later, concert).jsonPath().getInt("position"));

        // once only: a second run finds nothing due and the record and event stand
        assertEquals(0, openDueSales());
        assertEquals(seed, opening(concert).getString("shuffle.seed"));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE aggregatetype = 'Concert' AND aggregateid = ?"
                                + " AND type = 'PreQueueShuffled'",
                        Long.toString(concert)));
        assertProblem(
                setOpening(concert, "{\"opensAt\":\"" + opensAt.plus(Duration.ofHours(1)) + "\"}")
                        .response()
                        .then(),
                409,
                "sale-opening-fixed");

        // admission then lets the first of the shuffled pre-queue in
        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);
        String first = expected.getFirst().value();
        assertEquals("ACTIVE", poll(userOf.get(first), first).getString("status"));
    }

    @Test
    void anOpeningTimeIsSetAheadOfTheCacheLeadAndFixedFromThen() {
        long concert = Api.createConcert(1, 1, 1000).id();
        JsonPath none = opening(concert);
        assertEquals("OPEN", none.getString("stage"));
        assertNull(none.get("opensAt"));
        String user = Tokens.newUserId();
        assertEquals("ACTIVE", Api.enter(user, concert).jsonPath().getString("status"), "no on-sale time: open");

        Instant opensAt =
                TestClock.now().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ExtractableResponse<Response> set = setOpening(concert, "{\"opensAt\":\"" + opensAt + "\"}");
        assertEquals(200, set.statusCode(), set.asString());
        assertEquals("SCHEDULED", set.jsonPath().getString("stage"));
        assertEquals(opensAt.toString(), set.jsonPath().getString("opensAt"));
        String fan = Tokens.newUserId();
        ExtractableResponse<Response> entered = Api.enter(fan, concert);
        assertNull(entered.jsonPath().get("position"), "this instance sees the new time at once");

        assertProblem(
                setOpening(concert, "{\"opensAt\":\"" + TestClock.now() + "\"}")
                        .response()
                        .then(),
                400,
                "invalid-input");
        assertProblem(setOpening(concert, "{}").response().then(), 400);
        assertProblem(
                setOpening(9_000_000_000L, "{\"opensAt\":\"" + opensAt + "\"}")
                        .response()
                        .then(),
                404,
                "not-found");
        assertProblem(
                as(Tokens.admin())
                        .get("/api/v1/admin/concerts/9000000000/opening")
                        .then(),
                404,
                "not-found");
        assertProblem(
                asUser(fan)
                        .get("/api/v1/admin/concerts/" + concert + "/opening")
                        .then(),
                403);

        TestClock.advance(Duration.between(TestClock.now(), opensAt).minusMillis(500));
        assertProblem(
                setOpening(concert, "{\"opensAt\":\"" + opensAt.plus(Duration.ofHours(1)) + "\"}")
                        .response()
                        .then(),
                409,
                "sale-opening-fixed");
    }

    @Test
    void aSoldOutConcertTellsWaitingFansSoAndAdmissionResumesWhenASeatComesBack() {
        Api.ConcertFixture fixture = Api.createConcert(1, 1, 1000);
        long concert = fixture.id();
        Api.buySeat(fixture, 1);
        Api.setMaxActive(concert, 0);
        String fan = Tokens.newUserId();
        String token = Api.enter(fan, concert).jsonPath().getString("token");

        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);

        asUser(fan, token)
                .get("/api/v1/queue/token")
                .then()
                .statusCode(200)
                .body("status", equalTo("SOLD_OUT"))
                .body("position", nullValue())
                .body("estimatedWaitSeconds", nullValue());
        ExtractableResponse<Response> late = Api.enter(Tokens.newUserId(), concert);
        assertEquals(201, late.statusCode());
        assertEquals("SOLD_OUT", late.jsonPath().getString("status"));

        // the seat comes back (as a refund or a cancelled order would give it back)
        Db.update(
                "UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_expires_at = NULL WHERE schedule_id = ?",
                fixture.schedule());
        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);

        JsonPath back = poll(fan, token);
        assertEquals("WAITING", back.getString("status"));
        assertEquals(1, back.getInt("position"), "the fan kept their place");
        Api.setMaxActive(concert, 1);
        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);
        assertEquals("ACTIVE", poll(fan, token).getString("status"));
    }

    @Test
    void nobodyIsAdmittedWhileEverySeatLeftIsHeldAndAdmissionResumesWhenTheHoldLapses() {
        Api.ConcertFixture fixture = Api.createConcert(1, 1, 1000);
        long concert = fixture.id();
        String holder = Tokens.newUserId();
        Api.holdOk(holder, Api.enterActive(holder, concert), fixture.schedule(), 1);
        Api.setMaxActive(concert, 1);
        String fan = Tokens.newUserId();
        String token = Api.enter(fan, concert).jsonPath().getString("token");
        Api.setMaxActive(concert, 2);

        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);

        JsonPath paused = poll(fan, token);
        assertEquals("WAITING", paused.getString("status"), "a held seat may come back: not sold out");
        assertEquals(1, paused.getInt("position"));

        // the hold (5 minutes) lapses; the fan polls meanwhile (a heartbeat) and stays WAITING until it has
        for (int minute = 1; minute <= 5; minute++) {
            TestClock.advance(Duration.ofSeconds(59));
            jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);
            assertEquals("WAITING", poll(fan, token).getString("status"), "after " + minute + " × 59 s");
        }
        TestClock.advance(Duration.ofSeconds(6));
        jobs.runOnce(RunJobUseCase.QUEUE_ADMISSION);

        assertEquals("ACTIVE", poll(fan, token).getString("status"), "the lapsed hold's seat is free again");
    }
}
