package contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Http;
import support.Tokens;

/**
 * Overlapping several-seat orders and payments of several reservations at the same instant, against
 * the real PostgreSQL (D47): no partial hold, no deadlock, no oversell, no doubled charge.
 */
@QuarkusTest
class OrderConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Fan(String id, String bearer, String queueToken) {}

    private static String ids(List<?> values, boolean quoted) {
        return values.stream()
                .map(v -> quoted ? "\"" + v + "\"" : String.valueOf(v))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static HttpResponse<String> holdSeats(Fan fan, long schedule, List<Integer> seats) {
        return Http.send(
                "POST",
                "/api/v1/reservations",
                fan.bearer(),
                Map.of("Queue-Token", fan.queueToken()),
                "{\"scheduleId\":" + schedule + ",\"seatNumbers\":" + ids(seats, false) + "}");
    }

    private static HttpResponse<String> payAll(String bearer, String key, List<String> reservationIds) {
        return Http.send(
                "POST",
                "/api/v1/payments",
                bearer,
                Map.of("Idempotency-Key", key),
                "{\"reservationIds\":" + ids(reservationIds, true) + "}");
    }

    private static String statuses(List<HttpResponse<String>> responses) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1L, Long::sum));
        return byStatus + " e.g. "
                + responses.stream()
                        .filter(r -> r.statusCode() != 201 && r.statusCode() != 409)
                        .map(HttpResponse::body)
                        .findFirst()
                        .orElse("");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    @Test
    void manyOverlappingFourSeatOrdersAtOnceAreEachWholeOrNothingWithoutDeadlockOrOversell() throws Exception {
        int seats = 24;
        int fans = 48;
        Api.ConcertFixture concert = Api.createConcert(1, seats, 1000);
        Api.setMaxActive(concert.id(), fans);
        List<Fan> admitted = new ArrayList<>();
        for (int i = 0; i < fans; i++) {
            String id = Tokens.newUserId();
            admitted.add(new Fan(id, Tokens.user(id), Api.enterActive(id, concert.id())));
        }
        List<List<Integer>> orders = new ArrayList<>();
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (Fan fan : admitted) {
            // four seats in a window of six, in a random order: every order overlaps several others
            int first = 1 + ThreadLocalRandom.current().nextInt(seats - 5);
            List<Integer> window =
                    new ArrayList<>(List.of(first, first + 1, first + 2, first + 3, first + 4, first + 5));
            Collections.shuffle(window, ThreadLocalRandom.current());
            List<Integer> order = List.copyOf(window.subList(0, 4));
            orders.add(order);
            tasks.add(() -> holdSeats(fan, concert.schedule(), order));
        }

        List<HttpResponse<String>> responses = Http.race(tasks);

        long won = responses.stream().filter(r -> r.statusCode() == 201).count();
        assertEquals(
                fans,
                won + responses.stream().filter(r -> r.statusCode() == 409).count(),
                () -> statuses(responses));
        assertTrue(won >= 1, () -> statuses(responses));
        Set<Integer> sold = new HashSet<>();
        for (int i = 0; i < fans; i++) {
            Fan fan = admitted.get(i);
            HttpResponse<String> response = responses.get(i);
            if (response.statusCode() == 201) {
                JsonNode body = json(response);
                String orderId = body.get("orderId").asText();
                List<Integer> got = new ArrayList<>();
                body.get("reservations").forEach(r -> {
                    got.add(r.get("seatNumber").asInt());
                    assertEquals(orderId, r.get("orderId").asText());
                });
                assertEquals(orders.get(i).stream().sorted().toList(), got, "the whole order");
                got.forEach(seat -> assertTrue(sold.add(seat), "seat " + seat + " in two orders"));
                assertEquals(
                        4,
                        Db.count(
                                "SELECT count(*) FROM reservation WHERE user_id = ? AND status = 'HELD'"
                                        + " AND order_id = CAST(? AS uuid)",
                                fan.id(),
                                orderId));
            } else {
                assertTrue(json(response).has("unavailableSeats"), response.body());
                assertEquals(
                        0,
                        Db.count("SELECT count(*) FROM reservation WHERE user_id = ?", fan.id()),
                        "a refused order holds nothing");
            }
        }
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM (SELECT seat_id FROM reservation WHERE schedule_id = ? AND status = 'HELD'"
                                + " GROUP BY seat_id HAVING count(*) > 1) x",
                        concert.schedule()),
                "per seat at most one HELD reservation");
        assertEquals(
                4 * won,
                Db.count(
                        "SELECT count(*) FROM seat s JOIN reservation r ON r.id = s.reservation_id"
                                + " WHERE s.schedule_id = ? AND s.status = 'HELD' AND r.status = 'HELD' AND r.seat_id = s.id",
                        concert.schedule()),
                "every held seat is held by its own reservation");
        assertEquals(sold.size(), 4 * won);
    }

    @Test
    void overlappingAndReplayedPaymentsOfSeveralReservationsChargeEachSeatOnce() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 10000);
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        String token = Api.enterActive(user, concert.id());
        HttpResponse<String> held = holdSeats(new Fan(user, bearer, token), concert.schedule(), List.of(1, 2, 3, 4));
        assertEquals(201, held.statusCode(), held.body());
        List<String> r = new ArrayList<>();
        json(held).get("reservations").forEach(n -> r.add(n.get("id").asText()));
        Api.charge(user, 100000);
        String replayed = "same-" + UUID.randomUUID();
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> payAll(bearer, replayed, List.of(r.get(0), r.get(1))));
        }
        // overlapping sets under other keys: r1 with r2 (already in the replayed set), r2 with r3, r3 alone
        tasks.add(() -> payAll(bearer, "o1-" + UUID.randomUUID(), List.of(r.get(1), r.get(2))));
        tasks.add(() -> payAll(bearer, "o2-" + UUID.randomUUID(), List.of(r.get(3), r.get(2))));
        tasks.add(() -> Http.send(
                "POST",
                "/api/v1/payments",
                bearer,
                Map.of("Idempotency-Key", "o3-" + UUID.randomUUID()),
                "{\"reservationId\":\"" + r.get(3) + "\"}"));

        List<HttpResponse<String>> responses = Http.race(tasks);

        assertTrue(
                responses.stream().allMatch(x -> x.statusCode() == 201 || x.statusCode() == 409),
                () -> statuses(responses));
        List<HttpResponse<String>> sameKey = responses.subList(0, 8);
        long answers = sameKey.stream()
                .filter(x -> x.statusCode() == 201)
                .map(x -> json(x).get("groupId").asText())
                .distinct()
                .count();
        assertTrue(answers <= 1, "one key, one answer: " + statuses(sameKey));
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM (SELECT reservation_id FROM payment WHERE user_id = ?"
                                + " GROUP BY reservation_id HAVING count(*) > 1) x",
                        user),
                "no reservation paid twice");
        long paidSeats = Db.count("SELECT count(*) FROM payment WHERE user_id = ?", user);
        assertEquals(
                paidSeats,
                Db.count("SELECT count(*) FROM reservation WHERE user_id = ? AND status = 'CONFIRMED'", user));
        assertEquals(
                paidSeats,
                Db.count("SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'SOLD'", concert.schedule()));
        assertEquals(paidSeats, Db.count("SELECT count(*) FROM ticket WHERE user_id = ?", user));
        assertTrue(paidSeats >= 2, "some payment went through: " + statuses(responses));
        assertEquals(100000 - 10000 * paidSeats, Api.balance(user), "each seat charged once");
        long ledger = Db.count(
                "SELECT coalesce(sum(CASE WHEN type = 'PAYMENT' THEN -amount ELSE amount END), 0)"
                        + " FROM wallet_transaction WHERE user_id = ?",
                user);
        assertEquals(Api.balance(user), ledger, "Σ ledger = balance");
        assertEquals(
                Db.count("SELECT count(DISTINCT group_id) FROM payment WHERE user_id = ?", user),
                Db.count("SELECT count(*) FROM wallet_transaction WHERE user_id = ? AND type = 'PAYMENT'", user),
                "one ledger entry per payment request");
    }
}
