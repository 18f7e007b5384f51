package contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.in.ExpireHoldsUseCase;
import application.queue.port.in.AdmitWaitingUsersUseCase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Http;
import support.TestClock;
import support.Tokens;

/** Many requests at the same instant against the real PostgreSQL and Redis: the exact outcome, every time. */
@QuarkusTest
class ConcurrencyTest {
    // the use cases themselves, not the jobs: these tests prove the stores are atomic without job leases
    @Inject
    AdmitWaitingUsersUseCase admission;

    @Inject
    ExpireHoldsUseCase holdExpiry;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private record Fan(String id, String bearer, String queueToken) {}

    private static List<Fan> admittedFans(long concertId, int count) {
        Api.setMaxActive(concertId, count);
        List<Fan> fans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Tokens.newUserId();
            fans.add(new Fan(id, Tokens.user(id), Api.enterActive(id, concertId)));
        }
        return fans;
    }

    private static HttpResponse<String> hold(Fan fan, long scheduleId, int seat) {
        return Http.send(
                "POST",
                "/api/v1/reservations",
                fan.bearer(),
                Map.of("Queue-Token", fan.queueToken()),
                "{\"scheduleId\":" + scheduleId + ",\"seatNumber\":" + seat + "}");
    }

    private static HttpResponse<String> charge(String bearer, String key, long amount) {
        return Http.send(
                "POST",
                "/api/v1/wallet/charges",
                bearer,
                Map.of("Idempotency-Key", key),
                "{\"amount\":" + amount + "}");
    }

    private static HttpResponse<String> pay(String bearer, String key, String reservationId) {
        return Http.send(
                "POST",
                "/api/v1/payments",
                bearer,
                Map.of("Idempotency-Key", key),
                "{\"reservationId\":\"" + reservationId + "\"}");
    }

    private static long count(List<HttpResponse<String>> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    @Test
    void twoHundredFansHoldingOneSeatAtOnceGiveExactlyOneReservation() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 10, 1000);
        List<Fan> fans = admittedFans(concert.id(), 200);
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (Fan fan : fans) {
            tasks.add(() -> hold(fan, concert.schedule(), 7));
        }

        List<HttpResponse<String>> responses = Http.race(tasks);

        assertEquals(1, count(responses, 201), () -> statuses(responses));
        assertEquals(199, count(responses, 409), () -> statuses(responses));
        assertEquals(1, Db.count("SELECT count(*) FROM reservation WHERE schedule_id = ?", concert.schedule()));
        assertEquals(
                1, Db.count("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'HELD'", concert.schedule()));
    }

    @Test
    void aHundredFansRacingForThreeSeatsGetExactlyThree() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        List<Fan> fans = admittedFans(concert.id(), 100);
        List<Callable<List<HttpResponse<String>>>> tasks = new ArrayList<>();
        for (Fan fan : fans) {
            tasks.add(() -> {
                List<Integer> seats = new ArrayList<>(List.of(1, 2, 3));
                Collections.shuffle(seats, ThreadLocalRandom.current());
                List<HttpResponse<String>> attempts = new ArrayList<>();
                for (int seat : seats) {
                    HttpResponse<String> response = hold(fan, concert.schedule(), seat);
                    attempts.add(response);
                    if (response.statusCode() == 201) {
                        break;
                    }
                }
                return attempts;
            });
        }

        List<HttpResponse<String>> all =
                Http.race(tasks).stream().flatMap(List::stream).toList();

        assertEquals(3, count(all, 201), () -> statuses(all));
        assertEquals(all.size() - 3, count(all, 409), () -> statuses(all));
        assertEquals(
                3,
                Db.count(
                        "SELECT count(DISTINCT seat_id) FROM reservation WHERE schedule_id = ? AND status = 'HELD'",
                        concert.schedule()));
        assertEquals(
                3,
                Db.count("SELECT count(DISTINCT user_id) FROM reservation WHERE schedule_id = ?", concert.schedule()));
    }

    @Test
    void twoHoldsThatTheBalanceCannotBothCoverArePaidExactlyOnce() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 60000);
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        String token = Api.enterActive(user, concert.id());
        String first = Api.holdOk(user, token, concert.schedule(), 1);
        String second = Api.holdOk(user, token, concert.schedule(), 2);
        Api.charge(user, 100000);

        List<HttpResponse<String>> responses = Http.race(List.of(
                () -> pay(bearer, "a-" + UUID.randomUUID(), first),
                () -> pay(bearer, "b-" + UUID.randomUUID(), second)));

        assertEquals(1, count(responses, 201), () -> statuses(responses));
        assertEquals(1, count(responses, 409), () -> statuses(responses));
        assertEquals(40000, Api.balance(user));
        assertEquals(1, Db.count("SELECT count(*) FROM payment WHERE user_id = ?", user));
        assertEquals(
                1, Db.count("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'SOLD'", concert.schedule()));
        assertLedgerMatchesBalance(user);
    }

    @Test
    void fiftyConcurrentChargesAddUpExactly() throws Exception {
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        long expected = 0;
        for (int i = 1; i <= 50; i++) {
            long amount = 1000L * i;
            expected += amount;
            tasks.add(() -> charge(bearer, "c-" + UUID.randomUUID(), amount));
        }

        List<HttpResponse<String>> responses = Http.race(tasks);

        assertEquals(50, count(responses, 201), () -> statuses(responses));
        assertEquals(expected, Api.balance(user));
        assertEquals(50, Db.count("SELECT count(*) FROM wallet_transaction WHERE user_id = ?", user));
        assertLedgerMatchesBalance(user);
    }

    @Test
    void twentyConcurrentChargesWithOneKeyHaveOneEffect() throws Exception {
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        String key = "same-" + UUID.randomUUID();
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> charge(bearer, key, 5000));
        }

        List<HttpResponse<String>> responses = Http.race(tasks);

        assertEquals(20, count(responses, 201), () -> statuses(responses));
        assertEquals(1, responses.stream().map(HttpResponse::body).distinct().count(), "every answer is the first one");
        assertEquals(5000, Api.balance(user));
        assertEquals(1, Db.count("SELECT count(*) FROM wallet_transaction WHERE user_id = ?", user));
    }

    @Test
    void twentyConcurrentPaymentsWithOneKeyHaveOneEffect() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 3000);
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        String reservation = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);
        Api.charge(user, 10000);
        String key = "pay-" + UUID.randomUUID();
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> pay(bearer, key, reservation));
        }

        List<HttpResponse<String>> responses = Http.race(tasks);

        assertEquals(20, count(responses, 201), () -> statuses(responses));
        assertEquals(1, responses.stream().map(HttpResponse::body).distinct().count());
        assertEquals(7000, Api.balance(user));
        assertEquals(1, Db.count("SELECT count(*) FROM payment WHERE user_id = ?", user));
        assertLedgerMatchesBalance(user);
    }

    @Test
    void twoAdmissionRunnersNeverLetMoreThanMaxActiveIn() throws Exception {
        long concert = Api.createConcert(1, 1, 1000).id();
        Api.setMaxActive(concert, 0);
        List<String[]> fans = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = Tokens.newUserId();
            fans.add(new String[] {id, Api.enter(id, concert).jsonPath().getString("token")});
        }
        Api.setMaxActive(concert, 5);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong worst = new AtomicLong();
        Callable<Long> runner = () -> {
            long admitted = 0;
            while (running.get()) {
                admitted += admission.admitAll();
            }
            return admitted;
        };
        Callable<Long> leaver = () -> {
            Set<String> gone = new HashSet<>();
            for (int round = 0; round < 40; round++) {
                for (String[] fan : fans) {
                    var status = Api.asUser(fan[0], fan[1]).get("/api/v1/queue/token");
                    if (!gone.contains(fan[0])
                            && status.statusCode() == 200
                            && "ACTIVE".equals(status.jsonPath().getString("status"))) {
                        Api.asUser(fan[0], fan[1]).delete("/api/v1/queue/token");
                        gone.add(fan[0]);
                        break;
                    }
                }
                long active = Api.as(Tokens.admin())
                        .get("/api/v1/admin/concerts/" + concert + "/queue")
                        .jsonPath()
                        .getLong("active");
                worst.accumulateAndGet(active, Math::max);
            }
            running.set(false);
            return (long) gone.size();
        };

        List<Long> results = Http.race(List.of(runner, runner, leaver));

        assertTrue(worst.get() <= 5, "at most maxActive were ever active, saw " + worst.get());
        assertTrue(results.get(2) >= 20, "fans left and were replaced: " + results.get(2));
        // the leaver's last departure may come after the runners' last round: one more round fills it
        admission.admitAll();
        var room = Api.as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .jsonPath();
        assertEquals(5, room.getLong("active"));
        assertEquals(60 - 5 - results.get(2), room.getLong("waiting"), "each freed slot was filled exactly once");
    }

    @Test
    void twoExpiryRunnersExpireEachLapsedHoldOnce() throws Exception {
        TestClock.advance(Duration.ofHours(1));
        while (holdExpiry.expireBatch(500) > 0) {
            // clear what other tests left lapsed at this time
        }
        Api.ConcertFixture concert = Api.createConcert(1, 40, 1000);
        // ten fans holding four seats each (reservation.max-held-per-user)
        List<Fan> fans = admittedFans(concert.id(), 10);
        for (int seat = 1; seat <= 40; seat++) {
            assertEquals(
                    201,
                    hold(fans.get((seat - 1) / 4), concert.schedule(), seat).statusCode());
        }
        TestClock.advance(Duration.ofMinutes(6));

        List<Integer> expired = Http.race(List.of(() -> holdExpiry.expireBatch(7), () -> holdExpiry.expireBatch(50)));

        assertEquals(40, expired.get(0) + expired.get(1), "every lapsed hold was expired by exactly one runner");
        assertEquals(
                40,
                Db.count(
                        "SELECT count(*) FROM reservation WHERE schedule_id = ? AND status = 'EXPIRED'",
                        concert.schedule()));
        assertEquals(
                40,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'AVAILABLE'",
                        concert.schedule()));
    }

    private static void assertLedgerMatchesBalance(String user) {
        long ledger = Db.count(
                "SELECT coalesce(sum(CASE WHEN type = 'PAYMENT' THEN -amount ELSE amount END), 0) FROM wallet_transaction WHERE user_id = ?",
                user);
        assertEquals(Api.balance(user), ledger, "the ledger adds up to the balance");
        assertEquals(
                ledger,
                Db.count(
                        "SELECT balance_after FROM wallet_transaction WHERE user_id = ? ORDER BY seq DESC LIMIT 1",
                        user));
    }

    private static String statuses(List<HttpResponse<String>> responses) {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1L, Long::sum));
        return byStatus + " e.g. "
                + responses.stream()
                        .filter(r -> r.statusCode() >= 500)
                        .map(HttpResponse::body)
                        .findFirst()
                        .orElse("");
    }
}
