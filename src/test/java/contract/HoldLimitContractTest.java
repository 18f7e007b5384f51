package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Http;
import support.TestClock;
import support.Tokens;

/** reservation.max-held-per-user (4): live holds of one fan on one concert, exact under a burst. */
@QuarkusTest
class HoldLimitContractTest {
    private static final String HOLD_LIMIT = "hold-limit-reached";

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static long liveHoldsOf(String user, long concertId) {
        return Db.count(
                "SELECT count(*) FROM reservation WHERE user_id = ? AND concert_id = ? AND status = 'HELD'",
                user,
                concertId);
    }

    @Test
    void ofTwentyHoldsOnDifferentSeatsSentAtOnceByOneFanExactlyFourSucceed() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 30, 1000);
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        String token = Api.enterActive(user, concert.id());
        List<Callable<HttpResponse<String>>> holds = new ArrayList<>();
        for (int seat = 1; seat <= 20; seat++) {
            String body = "{\"scheduleId\":" + concert.schedule() + ",\"seatNumber\":" + seat + "}";
            holds.add(() -> Http.send("POST", "/api/v1/reservations", bearer, Map.of("Queue-Token", token), body));
        }

        List<HttpResponse<String>> responses = Http.race(holds);

        List<Integer> statuses =
                responses.stream().map(HttpResponse::statusCode).toList();
        assertEquals(4, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(16, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        responses.stream()
                .filter(r -> r.statusCode() == 409)
                .forEach(r -> assertEquals(
                        true,
                        r.body().contains("\"type\":\"urn:concert-booking:problem:" + HOLD_LIMIT + "\""),
                        r::body));
        assertEquals(4, liveHoldsOf(user, concert.id()));
        assertEquals(
                4, Db.count("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'HELD'", concert.schedule()));
        assertEquals(
                4,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'ReservationHeld' AND payload->>'userId' = ?",
                        user));
    }

    @Test
    void theFifthHoldIsAConflictThatSaysWhichLimitAndTakesNothing() {
        Api.ConcertFixture concert = Api.createConcert(1, 10, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        for (int seat = 1; seat <= 4; seat++) {
            Api.holdOk(user, token, concert.schedule(), seat);
        }

        assertProblem(
                        Api.asUser(user, token)
                                .contentType("application/json")
                                .body("{\"scheduleId\":" + concert.schedule() + ",\"seatNumber\":5}")
                                .post("/api/v1/reservations")
                                .then(),
                        409,
                        HOLD_LIMIT)
                .body("instance", equalTo("/api/v1/reservations"));

        assertEquals(
                "AVAILABLE",
                Db.text("SELECT status FROM seat WHERE schedule_id = ? AND number = 5", concert.schedule()));
        // another fan is not limited by it, and the limit is per concert
        String other = Tokens.newUserId();
        Api.holdOk(other, Api.enterActive(other, concert.id()), concert.schedule(), 5);
        Api.ConcertFixture second = Api.createConcert(1, 2, 1000);
        Api.holdOk(user, Api.enterActive(user, second.id()), second.schedule(), 1);
    }

    @Test
    void cancellingOrPayingFreesRoom() {
        Api.ConcertFixture concert = Api.createConcert(1, 10, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        List<String> held = new ArrayList<>();
        for (int seat = 1; seat <= 4; seat++) {
            held.add(Api.holdOk(user, token, concert.schedule(), seat));
        }
        assertEquals(409, Api.hold(user, token, concert.schedule(), 5).statusCode());

        Api.asUser(user).delete("/api/v1/reservations/" + held.get(0)).then().statusCode(204);
        Api.holdOk(user, token, concert.schedule(), 5);
        assertEquals(409, Api.hold(user, token, concert.schedule(), 6).statusCode());

        Api.charge(user, 1000);
        assertEquals(201, Api.pay(user, held.get(1), "pay-" + UUID.randomUUID()).statusCode());
        // paying released the queue slot (D7): the fan comes back through the line
        String again = Api.enterActive(user, concert.id());
        Api.holdOk(user, again, concert.schedule(), 6);
        assertEquals(409, Api.hold(user, again, concert.schedule(), 7).statusCode());
        assertEquals(4, liveHoldsOf(user, concert.id()));
    }

    @Test
    void aLapsedHoldDoesNotCountEvenBeforeTheExpiryJobRuns() {
        Api.ConcertFixture concert = Api.createConcert(1, 10, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        for (int seat = 1; seat <= 4; seat++) {
            Api.holdOk(user, token, concert.schedule(), seat);
        }

        TestClock.advance(Duration.ofMinutes(5)); // reservation.hold-ttl; the queue token lives 10 minutes

        Api.holdOk(user, token, concert.schedule(), 5);
        assertEquals(5, liveHoldsOf(user, concert.id()), "the lapsed four are still HELD rows: no job ran");
    }
}
