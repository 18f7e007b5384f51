package contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Http;
import support.Tokens;

/**
 * Box-office sales and online holds racing for the same seats, against the real PostgreSQL (D61):
 * every seat has exactly one winner, and every request won all of its seats or none.
 */
@QuarkusTest
class BoxOfficeConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
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

    @Test
    void boxOfficeSalesAndOnlineHoldsOnTheSameSeatsHaveExactlyOneWinnerPerSeat() throws Exception {
        int seats = 8;
        int each = 12; // box-office sales, and as many online orders
        long price = 1000;
        Api.ConcertFixture concert = Api.createConcert(1, seats, price);
        Api.setMaxActive(concert.id(), each);
        List<String> fans = new ArrayList<>();
        List<String> queueTokens = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            String fan = Tokens.newUserId();
            fans.add(fan);
            queueTokens.add(Api.enterActive(fan, concert.id()));
        }
        String staff = Tokens.staff();
        List<List<Integer>> wanted = new ArrayList<>();
        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 2 * each; i++) {
            int first = 1 + ThreadLocalRandom.current().nextInt(seats - 1);
            List<Integer> pair =
                    ThreadLocalRandom.current().nextBoolean() ? List.of(first, first + 1) : List.of(first + 1, first);
            wanted.add(pair);
            String numbers = "[" + pair.get(0) + "," + pair.get(1) + "]";
            if (i % 2 == 0) {
                String body = BoxOfficeContractTest.body(
                        concert.schedule(), numbers, BoxOfficeContractTest.approvalNo(), 2 * price);
                tasks.add(() -> Http.send(
                        "POST",
                        "/api/v1/admin/box-office/sales",
                        staff,
                        Map.of("Idempotency-Key", "sale-" + UUID.randomUUID()),
                        body));
            } else {
                int fan = i / 2;
                tasks.add(() -> Http.send(
                        "POST",
                        "/api/v1/reservations",
                        Tokens.user(fans.get(fan)),
                        Map.of("Queue-Token", queueTokens.get(fan)),
                        "{\"scheduleId\":" + concert.schedule() + ",\"seatNumbers\":" + numbers + "}"));
            }
        }

        List<HttpResponse<String>> responses = Http.race(tasks);

        Map<Integer, String> winnerOf = new HashMap<>();
        int won = 0;
        for (int i = 0; i < responses.size(); i++) {
            HttpResponse<String> response = responses.get(i);
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, () -> statuses(responses));
            if (response.statusCode() != 201) {
                assertTrue(json(response).has("unavailableSeats"), response.body());
                continue;
            }
            won++;
            JsonNode body = json(response);
            boolean sale = i % 2 == 0;
            JsonNode seatsWon = sale ? body.get("seats") : body.get("reservations");
            List<Integer> got = new ArrayList<>();
            seatsWon.forEach(seat -> got.add(seat.get("seatNumber").asInt()));
            assertEquals(wanted.get(i).stream().sorted().toList(), got, "all of the request's seats");
            String winner = sale
                    ? "sale " + body.get("id").asText()
                    : "hold " + body.get("orderId").asText();
            for (int seat : got) {
                String before = winnerOf.put(seat, winner);
                assertEquals(null, before, "seat " + seat + " won by " + before + " and " + winner);
                String status = Db.text(
                        "SELECT status FROM seat WHERE schedule_id = ? AND number = ?", concert.schedule(), seat);
                assertEquals(sale ? "SOLD" : "HELD", status, "seat " + seat + " of " + winner);
            }
        }
        assertTrue(won >= 1, () -> statuses(responses));
        // nothing outside the winners was taken
        assertEquals(
                winnerOf.size(),
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND status <> 'AVAILABLE'",
                        concert.schedule()));
        assertEquals(
                winnerOf.size(),
                Db.count(
                        "SELECT count(*) FROM reservation WHERE schedule_id = ? AND status IN ('HELD', 'CONFIRMED')",
                        concert.schedule()));
    }
}
