package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
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
import support.Wallets;

/** POST /api/v1/reservations/{id}/refund: every status, the money, the seat, the ticket, races. */
@QuarkusTest
class RefundContractTest {
    private static final long PRICE = 1000;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static String key() {
        return "refund-" + UUID.randomUUID();
    }

    @Test
    void theOwnerIsRefundedTheSeatIsFreeAndTheTicketVoid() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, PRICE);
        Api.PaidSeat seat = Api.buySeat(concert, 1);
        long before = Api.balance(seat.userId());

        ExtractableResponse<Response> refund = Api.refund(seat.userId(), seat.reservationId(), key());

        assertEquals(201, refund.statusCode(), refund.asString());
        assertEquals("false", refund.header("Idempotent-Replayed"));
        assertEquals(seat.reservationId(), refund.jsonPath().getString("reservationId"));
        assertEquals(PRICE, refund.jsonPath().getLong("amount"));
        assertEquals(0, refund.jsonPath().getLong("fee"));
        assertEquals("OWNER", refund.jsonPath().getString("reason"));
        assertEquals(before + PRICE, Api.balance(seat.userId()));
        Api.asUser(seat.userId())
                .get("/api/v1/reservations/" + seat.reservationId())
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUNDED"));
        Api.asUser(seat.userId())
                .get("/api/v1/wallet/transactions")
                .then()
                .statusCode(200)
                .body("[0].type", equalTo("REFUND"))
                .body("[0].amount", equalTo((int) PRICE))
                .body("[0].id", equalTo(refund.jsonPath().getString("walletTransactionId")));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND number = 1 AND status = 'AVAILABLE'"
                                + " AND reservation_id IS NULL",
                        concert.schedule()));
        Api.ticket(seat.userId(), seat.reservationId(), "application/json")
                .response()
                .then()
                .statusCode(200)
                .body("status", equalTo("VOID"))
                .body("code", nullValue());
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND type = 'ReservationRefunded'",
                        seat.reservationId()));
        Wallets.assertLedgerMatchesBalance(seat.userId());
    }

    @Test
    void theSeatCanBeHeldAgainAfterARefund() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, PRICE);
        Api.PaidSeat seat = Api.buySeat(concert, 1);
        assertEquals(201, Api.refund(seat.userId(), seat.reservationId(), key()).statusCode());

        Api.PaidSeat again = Api.buySeat(concert, 1);

        assertTrue(!again.reservationId().equals(seat.reservationId()));
    }

    @Test
    void aCheckInOfARefundedTicketIsRefused() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, PRICE);
        Api.PaidSeat seat = Api.buySeat(concert, 1);
        String code = Api.ticketCode(seat.userId(), seat.reservationId());
        assertEquals(201, Api.refund(seat.userId(), seat.reservationId(), key()).statusCode());

        assertProblem(Api.checkIn(Tokens.staff(), code).response().then(), 409, "ticket-refunded");
    }

    @Test
    void replayingTheKeyAnswersTheSameAndMovesNoMoney() {
        Api.PaidSeat seat = Api.buySeat(Api.createConcert(1, 1, PRICE), 1);
        String key = key();
        ExtractableResponse<Response> first = Api.refund(seat.userId(), seat.reservationId(), key);
        long balance = Api.balance(seat.userId());

        ExtractableResponse<Response> again = Api.refund(seat.userId(), seat.reservationId(), key);

        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        assertEquals(balance, Api.balance(seat.userId()));
    }

    @Test
    void anotherKeyOnARefundedReservationIs409() {
        Api.PaidSeat seat = Api.buySeat(Api.createConcert(1, 1, PRICE), 1);
        assertEquals(201, Api.refund(seat.userId(), seat.reservationId(), key()).statusCode());
        long balance = Api.balance(seat.userId());

        assertProblem(
                Api.refund(seat.userId(), seat.reservationId(), key())
                        .response()
                        .then(),
                409,
                "refund-already-refunded");
        assertEquals(balance, Api.balance(seat.userId()));
    }

    @Test
    void theSameKeyForAnotherReservationIs409() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, PRICE);
        Api.PaidSeat seat = Api.buySeat(concert, 1);
        String key = key();
        assertEquals(201, Api.refund(seat.userId(), seat.reservationId(), key).statusCode());
        String other = Api.holdOk(seat.userId(), Api.enterActive(seat.userId(), concert.id()), concert.schedule(), 2);

        assertProblem(Api.refund(seat.userId(), other, key).response().then(), 409, "idempotency-key-reused");
    }

    @Test
    void afterTheCutoffNothingIsRefunded() {
        Api.PaidSeat seat = Api.buySeat(Api.createConcert(1, 1, PRICE), 1);
        long balance = Api.balance(seat.userId());
        // the show starts in 30 days; refund.cutoff is 24h
        TestClock.advance(Duration.ofDays(29).plusHours(1));

        assertProblem(
                Api.refund(seat.userId(), seat.reservationId(), key())
                        .response()
                        .then(),
                409,
                "refund-cutoff-passed");
        assertEquals(balance, Api.balance(seat.userId()));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM reservation WHERE id = ?::uuid AND status = 'CONFIRMED'",
                        seat.reservationId()));
    }

    @Test
    void aHoldIsNotPaidAndIs409() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, PRICE);
        String user = Tokens.newUserId();
        String held = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);

        assertProblem(Api.refund(user, held, key()).response().then(), 409, "refund-not-paid");
    }

    @Test
    void aUsedTicketIs409() {
        Api.PaidSeat seat = Api.buySeat(Api.createConcert(1, 1, PRICE), 1);
        assertEquals(
                200,
                Api.checkIn(Tokens.staff(), Api.ticketCode(seat.userId(), seat.reservationId()))
                        .statusCode());

        assertProblem(
                Api.refund(seat.userId(), seat.reservationId(), key())
                        .response()
                        .then(),
                409,
                "refund-ticket-used");
    }

    @Test
    void someoneElsesUnknownOrMalformedReservationIs404() {
        Api.PaidSeat seat = Api.buySeat(Api.createConcert(1, 1, PRICE), 1);

        assertProblem(
                Api.refund(Tokens.newUserId(), seat.reservationId(), key())
                        .response()
                        .then(),
                404,
                "not-found");
        assertProblem(
                Api.refund(seat.userId(), UUID.randomUUID().toString(), key())
                        .response()
                        .then(),
                404,
                "not-found");
        assertProblem(Api.refund(seat.userId(), "not-a-uuid", key()).response().then(), 404, "not-found");
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM reservation WHERE id = ?::uuid AND status = 'CONFIRMED'",
                        seat.reservationId()));
    }

    @Test
    void withoutAnIdempotencyKeyIs400AndWithoutABearer401() {
        Api.PaidSeat seat = Api.buySeat(Api.createConcert(1, 1, PRICE), 1);

        assertProblem(
                Api.refund(seat.userId(), seat.reservationId(), null).response().then(), 400, "invalid-input");
        RestAssured.given()
                .post("/api/v1/reservations/" + seat.reservationId() + "/refund")
                .then()
                .statusCode(401);
    }

    @Test
    void manyConcurrentRefundsOfOneSeatRefundItOnce() throws Exception {
        Api.PaidSeat seat = Api.buySeat(Api.createConcert(1, 1, PRICE), 1);
        long before = Api.balance(seat.userId());
        String bearer = Tokens.user(seat.userId());
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String key = key();
            calls.add(() -> Http.send(
                    "POST",
                    "/api/v1/reservations/" + seat.reservationId() + "/refund",
                    bearer,
                    Map.of("Idempotency-Key", key),
                    null));
        }

        List<HttpResponse<String>> answers = Http.race(calls);

        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count(), statuses(answers));
        assertEquals(15, answers.stream().filter(r -> r.statusCode() == 409).count(), statuses(answers));
        assertEquals(before + PRICE, Api.balance(seat.userId()));
        assertEquals(1, Db.count("SELECT count(*) FROM refund WHERE reservation_id = ?::uuid", seat.reservationId()));
        Wallets.assertLedgerMatchesBalance(seat.userId());
    }

    @Test
    void aRefundRacingAPaymentReplayNeitherLosesNorDoublesMoney() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 1, PRICE);
        String user = Tokens.newUserId();
        String reservation = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);
        Api.charge(user, 5 * PRICE);
        String payKey = "pay-" + UUID.randomUUID();
        assertEquals(201, Api.pay(user, reservation, payKey).statusCode());
        String bearer = Tokens.user(user);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> Http.send(
                    "POST",
                    "/api/v1/payments",
                    bearer,
                    Map.of("Idempotency-Key", payKey),
                    "{\"reservationId\":\"" + reservation + "\"}"));
            String refundKey = key();
            calls.add(() -> Http.send(
                    "POST",
                    "/api/v1/reservations/" + reservation + "/refund",
                    bearer,
                    Map.of("Idempotency-Key", refundKey),
                    null));
        }

        List<HttpResponse<String>> answers = Http.race(calls);

        // every replay of the payment answers the stored payment; exactly one refund wins
        for (int i = 0; i < answers.size(); i += 2) {
            assertEquals(201, answers.get(i).statusCode(), answers.get(i).body());
        }
        long refunded = 0;
        for (int i = 1; i < answers.size(); i += 2) {
            refunded += answers.get(i).statusCode() == 201 ? 1 : 0;
        }
        assertEquals(1, refunded, statuses(answers));
        assertEquals(5 * PRICE, Api.balance(user), "paid once, refunded once");
        assertEquals(1, Db.count("SELECT count(*) FROM payment WHERE reservation_id = ?::uuid", reservation));
        assertEquals(1, Db.count("SELECT count(*) FROM refund WHERE reservation_id = ?::uuid", reservation));
        Wallets.assertLedgerMatchesBalance(user);
    }

    private static String statuses(List<HttpResponse<String>> answers) {
        return answers.stream()
                .map(r -> r.statusCode() + (r.statusCode() >= 300 ? " " + r.body() : ""))
                .toList()
                .toString();
    }
}
