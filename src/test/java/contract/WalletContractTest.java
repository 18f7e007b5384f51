package contract;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Tokens;

@QuarkusTest
class WalletContractTest {

    private static ExtractableResponse<Response> charge(String user, String key, String body) {
        return asUser(user)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/wallet/charges")
                .then()
                .extract();
    }

    @Test
    void aNewUserHasAnEmptyWalletAndNoHistory() {
        String user = Tokens.newUserId();
        asUser(user).get("/api/v1/wallet").then().statusCode(200).body("balance", equalTo(0));
        asUser(user).get("/api/v1/wallet/transactions").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aChargeAddsToTheBalanceAndIsRecordedInTheLedger() {
        String user = Tokens.newUserId();
        var first = charge(user, "c1-" + UUID.randomUUID(), "{\"amount\":10000}");
        assertEquals(201, first.statusCode());
        assertEquals(10000, first.jsonPath().getLong("amount"));
        assertEquals(10000, first.jsonPath().getLong("balance"));
        var second = charge(user, "c2-" + UUID.randomUUID(), "{\"amount\":2500}");
        assertEquals(12500, second.jsonPath().getLong("balance"));

        asUser(user).get("/api/v1/wallet").then().body("balance", equalTo(12500));
        asUser(user)
                .get("/api/v1/wallet/transactions")
                .then()
                .body(
                        "id",
                        contains(
                                second.jsonPath().getString("id"),
                                first.jsonPath().getString("id")))
                .body("type", contains("CHARGE", "CHARGE"))
                .body("amount", contains(2500, 10000))
                .body("balanceAfter", contains(12500, 10000));
        asUser(user)
                .queryParam("limit", 1)
                .get("/api/v1/wallet/transactions")
                .then()
                .body("$", hasSize(1));
    }

    @Test
    void aReplayedChargeReturnsTheFirstAnswerAndAnotherBodyIsAConflict() {
        String user = Tokens.newUserId();
        String key = "charge-" + UUID.randomUUID();
        var first = charge(user, key, "{\"amount\":7000}");
        var replay = charge(user, key, "{\"amount\":7000}");
        assertEquals(201, replay.statusCode());
        assertEquals(first.asString(), replay.asString());
        assertEquals(7000, Api.balance(user));

        String before = Db.snapshot();
        assertProblem(charge(user, key, "{\"amount\":7001}").response().then(), 409, "idempotency-key-reused");
        assertEquals(before, Db.snapshot());
        assertEquals(201, charge(Tokens.newUserId(), key, "{\"amount\":1}").statusCode(), "keys are per user");
    }

    @Test
    void chargesAreBetweenOneAndTenMillionWon() {
        String user = Tokens.newUserId();
        String before = Db.snapshot();
        for (String amount : new String[] {"0", "-1", "10000001"}) {
            assertProblem(
                    charge(user, "k-" + UUID.randomUUID(), "{\"amount\":" + amount + "}")
                            .response()
                            .then(),
                    400);
        }
        assertEquals(before, Db.snapshot());
        assertEquals(
                201,
                charge(user, "k-" + UUID.randomUUID(), "{\"amount\":10000000}").statusCode());
        assertEquals(
                201, charge(user, "k-" + UUID.randomUUID(), "{\"amount\":1}").statusCode());
        assertEquals(10000001, Api.balance(user));
    }

    @Test
    void theHistoryLimitIsValidated() {
        String user = Tokens.newUserId();
        for (String limit : new String[] {"0", "501", "abc", "1.5", "9223372036854775808"}) {
            assertProblem(
                    asUser(user)
                            .queryParam("limit", limit)
                            .get("/api/v1/wallet/transactions")
                            .then(),
                    400);
        }
    }
}
