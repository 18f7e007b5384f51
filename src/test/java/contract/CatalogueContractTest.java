package contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Pages;
import support.TestClock;
import support.Tokens;

@QuarkusTest
class CatalogueContractTest {

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void anyoneCanListConcertsWithoutAToken() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        // oldest first and paged: the new concert is on the last page
        List<Long> ids = new ArrayList<>();
        Pages.follow(() -> given(), "/api/v1/concerts?limit=500").forEach(page -> {
            assertTrue(page.contentType().startsWith("application/json"), page.contentType());
            ids.addAll(page.jsonPath().getList("id", Long.class));
        });
        assertTrue(ids.contains(concert.id()), ids.toString());
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "each once, oldest first");
    }

    @Test
    void anAdminCreatesAConcertWhoseSeatsAreNumberedFromOne() {
        String start = TestClock.now().plus(Duration.ofDays(40)).toString();
        var created = as(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Seoul night\",\"schedules\":[{\"startsAt\":\"" + start
                        + "\",\"seatCount\":4,\"price\":77000}]}")
                .post("/api/v1/admin/concerts")
                .then()
                .statusCode(201)
                .body("title", equalTo("Seoul night"))
                .body("schedules", hasSize(1))
                .extract()
                .jsonPath();
        long concert = created.getLong("id");
        long schedule = created.getLong("schedules[0].id");
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert);

        asUser(user, token)
                .get("/api/v1/schedules/" + schedule + "/seats")
                .then()
                .statusCode(200)
                .body("number", contains(1, 2, 3, 4))
                .body("price", contains(77000, 77000, 77000, 77000))
                .body("status", contains("AVAILABLE", "AVAILABLE", "AVAILABLE", "AVAILABLE"));
    }

    @Test
    void schedulesListsOnlyFutureDatesWithASeatLeft() {
        Api.ConcertFixture concert = Api.createConcert(3, 2, 1000);
        long soldOut = concert.scheduleIds().get(1);
        long past = concert.scheduleIds().get(2);
        Db.update("UPDATE seat SET status = 'SOLD', reservation_id = gen_random_uuid() WHERE schedule_id = ?", soldOut);
        Db.update("UPDATE schedule SET starts_at = now() - interval '1 day' WHERE id = ?", past);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());

        asUser(user, token)
                .get("/api/v1/concerts/" + concert.id() + "/schedules")
                .then()
                .statusCode(200)
                .body("id", contains((int) concert.schedule()))
                .body("availableSeats", contains(2))
                .body("[0].startsAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aLapsedHoldCountsAsAvailableBeforeAnyJobRuns() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        Api.holdOk(user, token, concert.schedule(), 1);

        asUser(user, token)
                .get("/api/v1/schedules/" + concert.schedule() + "/seats")
                .then()
                .body("status", contains("HELD"));
        asUser(user, token)
                .get("/api/v1/concerts/" + concert.id() + "/schedules")
                .then()
                .body("$", empty());

        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        String later = Tokens.newUserId();
        String laterToken = Api.enterActive(later, concert.id());

        asUser(later, laterToken)
                .get("/api/v1/schedules/" + concert.schedule() + "/seats")
                .then()
                .body("status", contains("AVAILABLE"));
        asUser(later, laterToken)
                .get("/api/v1/concerts/" + concert.id() + "/schedules")
                .then()
                .body("availableSeats", contains(1));
    }

    @Test
    void unknownConcertsAndSchedulesAre404() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        assertProblem(
                asUser(user, token).get("/api/v1/concerts/99999999/schedules").then(), 404);
        assertProblem(
                asUser(user, token).get("/api/v1/schedules/99999999/seats").then(), 404);
        assertProblem(asUser(user, token).get("/api/v1/schedules/abc/seats").then(), 404);
    }

    @Test
    void browsingNeedsAnActiveTokenOfTheCallerForThatConcert() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 1000);
        Api.ConcertFixture other = Api.createConcert(1, 1, 1000);
        String user = Tokens.newUserId();
        String otherConcertToken = Api.enterActive(user, other.id());
        String schedules = "/api/v1/concerts/" + concert.id() + "/schedules";
        String seats = "/api/v1/schedules/" + concert.schedule() + "/seats";

        for (String path : List.of(schedules, seats)) {
            assertProblem(asUser(user).get(path).then(), 403, "queue-token-missing");
            assertProblem(asUser(user, otherConcertToken).get(path).then(), 403, "queue-token-other-concert");
        }

        Api.setMaxActive(concert.id(), 0);
        String waiting = Api.enter(user, concert.id()).jsonPath().getString("token");
        for (String path : List.of(schedules, seats)) {
            assertProblem(asUser(user, waiting).get(path).then(), 403, "queue-token-waiting");
        }

        asUser(user, waiting).delete("/api/v1/queue/token").then().statusCode(204);
        Api.setMaxActive(concert.id(), 10);
        String owner = Tokens.newUserId();
        String active = Api.enterActive(owner, concert.id());
        for (String path : List.of(schedules, seats)) {
            assertProblem(asUser(user, active).get(path).then(), 403, "queue-token-not-yours");
            asUser(owner, active).get(path).then().statusCode(200);
        }

        TestClock.advance(Duration.ofMinutes(11));
        for (String path : List.of(schedules, seats)) {
            assertProblem(asUser(owner, active).get(path).then(), 403, "queue-token-unknown");
        }
    }

    @Test
    void aScheduleThatHasStartedCannotBePutOnSale() {
        String before = Db.snapshot();
        assertProblem(
                as(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body("{\"title\":\"Too late\",\"schedules\":[{\"startsAt\":\"2020-01-01T00:00:00Z\","
                                + "\"seatCount\":4,\"price\":1000}]}")
                        .post("/api/v1/admin/concerts")
                        .then(),
                400,
                "invalid-input");
        assertEquals(before, Db.snapshot());
    }
}
