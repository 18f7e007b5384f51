package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Api.as;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.TestClock;
import support.Tokens;

@QuarkusTest
class PaymentContractTest {

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void payingConfirmsTheReservationSellsTheSeatDebitsOnceAndFreesTheQueueSlot() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 30000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        String reservation = Api.holdOk(user, token, concert.schedule(), 2);
        Api.charge(user, 100000);

        var paid = Api.pay(user, reservation, "pay-" + UUID.randomUUID());

        assertEquals(201, paid.statusCode(), paid.asString());
        assertEquals(reservation, paid.jsonPath().getString("reservationId"));
        assertEquals(30000, paid.jsonPath().getLong("amount"));
        assertEquals(70000, paid.jsonPath().getLong("balance"));
        asUser(user).get("/api/v1/reservations/" + reservation).then().body("status", equalTo("CONFIRMED"));
        assertEquals(
                "SOLD", Db.text("SELECT status FROM seat WHERE schedule_id = ? AND number = 2", concert.schedule()));
        assertEquals(70000, Api.balance(user));
        asUser(user)
                .get("/api/v1/wallet/transactions")
                .then()
                .body("type", org.hamcrest.Matchers.contains("PAYMENT", "CHARGE"))
                .body("[0].amount", equalTo(30000))
                .body("[0].balanceAfter", equalTo(70000));
        assertProblem(asUser(user, token).get("/api/v1/queue/token").then(), 403, "queue-token-unknown");
        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert.id() + "/queue")
                .then()
                .body("active", equalTo(0));
    }

    @Test
    void aRepeatWithTheSameKeyReturnsTheFirstResponseAndChangesNothing() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 30000);
        String user = Tokens.newUserId();
        String reservation = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);
        Api.charge(user, 50000);
        String key = "pay-" + UUID.randomUUID();
        var first = Api.pay(user, reservation, key);
        assertEquals(201, first.statusCode());
        String before = Db.snapshot();

        var again = Api.pay(user, reservation, key);

        assertEquals(201, again.statusCode());
        assertEquals(first.asString(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(before, Db.snapshot());
        assertEquals(20000, Api.balance(user));
    }

    @Test
    void reusingAKeyForAnotherReservationIsAConflict() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        String first = Api.holdOk(user, token, concert.schedule(), 1);
        String second = Api.holdOk(user, token, concert.schedule(), 2);
        Api.charge(user, 5000);
        String key = "pay-" + UUID.randomUUID();
        assertEquals(201, Api.pay(user, first, key).statusCode());
        String before = Db.snapshot();

        assertProblem(Api.pay(user, second, key).response().then(), 409, "idempotency-key-reused");
        assertEquals(before, Db.snapshot());
    }

    @Test
    void aShortBalanceIsAConflictAndLeavesTheHoldInPlace() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 30000);
        String user = Tokens.newUserId();
        String reservation = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);
        Api.charge(user, 29999);
        String before = Db.snapshot();

        assertProblem(
                Api.pay(user, reservation, "k-" + UUID.randomUUID()).response().then(), 409, "insufficient-balance");

        assertEquals(before, Db.snapshot());
        asUser(user).get("/api/v1/reservations/" + reservation).then().body("status", equalTo("HELD"));
        Api.charge(user, 1);
        assertEquals(
                201,
                Api.pay(user, reservation, "k-" + UUID.randomUUID()).statusCode(),
                "a retry after topping up succeeds");
        assertEquals(0, Api.balance(user));
    }

    @Test
    void aLapsedCancelledOrPaidReservationCannotBePaid() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        String lapsed = Api.holdOk(user, token, concert.schedule(), 1);
        Api.charge(user, 10000);
        String cancelled = Api.holdOk(user, token, concert.schedule(), 2);
        asUser(user).delete("/api/v1/reservations/" + cancelled).then().statusCode(204);
        String paid = Api.holdOk(user, token, concert.schedule(), 3);
        assertEquals(201, Api.pay(user, paid, "k-" + UUID.randomUUID()).statusCode());
        TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
        String before = Db.snapshot();

        for (String reservation : new String[] {lapsed, cancelled, paid}) {
            assertProblem(
                    Api.pay(user, reservation, "k-" + UUID.randomUUID())
                            .response()
                            .then(),
                    409,
                    "reservation-not-held");
        }
        assertEquals(before, Db.snapshot());
        assertEquals(9000, Api.balance(user));
    }

    @Test
    void someoneElsesReservationIsNotFound() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 1000);
        String owner = Tokens.newUserId();
        String reservation = Api.holdOk(owner, Api.enterActive(owner, concert.id()), concert.schedule(), 1);
        String thief = Tokens.newUserId();
        Api.charge(thief, 5000);
        String before = Db.snapshot();

        assertProblem(
                Api.pay(thief, reservation, "k-" + UUID.randomUUID()).response().then(), 404, "not-found");
        assertProblem(
                Api.pay(thief, UUID.randomUUID().toString(), "k-" + UUID.randomUUID())
                        .response()
                        .then(),
                404);
        assertEquals(before, Db.snapshot());
    }

    @Test
    void aPaymentNeedsAnIdempotencyKey() {
        String user = Tokens.newUserId();
        String before = Db.snapshot();
        assertProblem(
                asUser(user)
                        .contentType(ContentType.JSON)
                        .body("{\"reservationId\":\"" + UUID.randomUUID() + "\"}")
                        .post("/api/v1/payments")
                        .then(),
                400,
                "invalid-input");
        assertProblem(
                asUser(user)
                        .header("Idempotency-Key", "x".repeat(129))
                        .contentType(ContentType.JSON)
                        .body("{\"reservationId\":\"" + UUID.randomUUID() + "\"}")
                        .post("/api/v1/payments")
                        .then(),
                400,
                "invalid-input");
        assertEquals(before, Db.snapshot());
    }
}
