package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import application.wallet.SettleTopUpUseCase;
import domain.topup.TopUpStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Http;
import support.PgStandIn;
import support.PgStandIn.Confirm;
import support.Tokens;

/** Wallet top-ups paid through a PG: the stand-in PG answers over real HTTP as each test scripts it. */
@QuarkusTest
@TestProfile(PaymentGatewayProfile.class)
class WalletTopUpContractTest {
    @Inject
    SettleTopUpUseCase settle;

    private final PgStandIn pg = PgStandIn.current();

    @AfterEach
    void releaseHungConfirms() {
        pg.releaseHung();
    }

    private static String body(long amount, String provider, String paymentKey) {
        return "{\"amount\":" + amount + ",\"payment\":{\"provider\":\"" + provider + "\",\"paymentKey\":\""
                + paymentKey + "\",\"orderId\":\"order-" + paymentKey + "\"}}";
    }

    private static ExtractableResponse<Response> charge(String user, String key, String body) {
        return asUser(user)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/wallet/charges")
                .then()
                .extract();
    }

    private static ExtractableResponse<Response> topUp(String user, String topUpId) {
        return asUser(user).get("/api/v1/wallet/charges/" + topUpId).then().extract();
    }

    private static String newPaymentKey() {
        return "pk_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static long charges(String user) {
        return Db.count("SELECT count(*) FROM wallet_transaction WHERE user_id = ? AND type = 'CHARGE'", user);
    }

    private static String topUpStatus(String paymentKey) {
        return Db.text("SELECT status FROM topup WHERE payment_key = ?", paymentKey);
    }

    /** A top-up the PG did not answer in time (1 s): 202 PENDING; returns its id. */
    private String pendingTopUp(String user, String paymentKey, long amount) {
        pg.onConfirm(paymentKey, Confirm.HANG);
        var pending = charge(user, "k-" + UUID.randomUUID(), body(amount, "toss", paymentKey));
        assertEquals(202, pending.statusCode(), pending.asString());
        return pending.jsonPath().getString("topUpId");
    }

    @Test
    void anApprovedPaymentCreditsTheWalletOnceWithOneLedgerLine() {
        String user = Tokens.newUserId();
        String paymentKey = newPaymentKey();

        var approved = charge(user, "k-" + UUID.randomUUID(), body(15_000, "toss", paymentKey));

        assertEquals(201, approved.statusCode(), approved.asString());
        JsonPath json = approved.jsonPath();
        assertEquals(15_000, json.getLong("amount"));
        assertEquals(15_000, json.getLong("balance"));
        assertEquals("APPROVED", json.getString("status"));
        assertEquals("false", approved.header("Idempotent-Replayed"));
        assertEquals(15_000, Api.balance(user));
        assertEquals(1, charges(user));
        assertEquals(
                json.getString("id"),
                Db.text("SELECT transaction_id::text FROM topup WHERE id = ?::uuid", json.getString("topUpId")));
        assertEquals("APPROVED", topUpStatus(paymentKey));
        PgStandIn.Call confirm = pg.calls().stream()
                .filter(c -> c.body().contains(paymentKey))
                .findFirst()
                .orElseThrow();
        assertEquals("/v1/payments/confirm", confirm.path());
        String basic =
                Base64.getEncoder().encodeToString((PgStandIn.SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, confirm.authorization());
        assertTrue(confirm.body().contains("\"amount\":15000"), confirm.body());
        asUser(user)
                .get("/api/v1/wallet/charges/" + json.getString("topUpId"))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("transactionId", equalTo(json.getString("id")));
    }

    @Test
    void aReplayReturnsTheFirstResponseAndAnotherBodyIsAConflict() {
        String user = Tokens.newUserId();
        String key = "k-" + UUID.randomUUID();
        String paymentKey = newPaymentKey();
        var first = charge(user, key, body(7_000, "toss", paymentKey));

        var replay = charge(user, key, body(7_000, "toss", paymentKey));

        assertEquals(201, replay.statusCode());
        assertEquals(first.asString(), replay.asString());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(1, pg.confirmCount(paymentKey), "a replay does not confirm again");
        assertProblem(
                charge(user, key, body(7_001, "toss", paymentKey)).response().then(), 409, "idempotency-key-reused");
        assertProblem(
                charge(user, key, body(7_000, "toss", newPaymentKey()))
                        .response()
                        .then(),
                409,
                "idempotency-key-reused");
        assertEquals(7_000, Api.balance(user));
    }

    @Test
    void aDeclinedPaymentIsAProblemWithThePgsCodeAndCreditsNothing() {
        String user = Tokens.newUserId();
        String key = "k-" + UUID.randomUUID();
        String paymentKey = newPaymentKey();
        pg.onConfirm(paymentKey, Confirm.DECLINE);

        var declined = charge(user, key, body(5_000, "toss", paymentKey));

        assertProblem(declined.response().then(), 422, "payment-declined")
                .body("code", equalTo("REJECT_CARD_COMPANY"))
                .body("message", equalTo("the card company refused"));
        assertEquals("DECLINED", topUpStatus(paymentKey));
        assertEquals(
                "REJECT_CARD_COMPANY", Db.text("SELECT failure_code FROM topup WHERE payment_key = ?", paymentKey));
        assertEquals(0, Api.balance(user));
        assertEquals(0, charges(user));
        var replay = charge(user, key, body(5_000, "toss", paymentKey));
        assertEquals(422, replay.statusCode());
        assertEquals(declined.asString(), replay.asString());
        asUser(user)
                .get("/api/v1/wallet/charges/" + declined.jsonPath().getString("topUpId"))
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("failureCode", equalTo("REJECT_CARD_COMPANY"));
    }

    @Test
    void aPgThatDoesNotAnswerInTimeLeavesThePaymentPendingUntilTheStatusQuerySettlesIt() {
        String user = Tokens.newUserId();
        String paymentKey = newPaymentKey();
        pg.onConfirm(paymentKey, Confirm.HANG);

        var pending = charge(user, "k-" + UUID.randomUUID(), body(9_000, "toss", paymentKey));

        assertEquals(202, pending.statusCode(), pending.asString());
        String topUpId = pending.jsonPath().getString("topUpId");
        assertEquals("PENDING", pending.jsonPath().getString("status"));
        assertNull(pending.jsonPath().get("id"), "nothing was credited, so there is no ledger line");
        assertTrue(
                pending.header("Location").endsWith("/api/v1/wallet/charges/" + topUpId), pending.header("Location"));
        assertEquals(0, Api.balance(user));
        assertEquals("PENDING", topUpStatus(paymentKey));

        pg.status(paymentKey, "IN_PROGRESS");
        assertEquals("PENDING", topUp(user, topUpId).jsonPath().getString("status"));
        assertEquals(0, Api.balance(user));

        pg.status(paymentKey, "DONE");
        var settled = topUp(user, topUpId);
        var again = topUp(user, topUpId);

        assertEquals(200, settled.statusCode());
        assertEquals("APPROVED", settled.jsonPath().getString("status"));
        assertEquals(settled.asString(), again.asString());
        assertEquals(9_000, Api.balance(user));
        assertEquals(1, charges(user));
    }

    @Test
    void aPgFailingOrUnreachableLeavesThePaymentPendingWithNothingCredited() {
        String user = Tokens.newUserId();
        String failing = newPaymentKey();
        pg.onConfirm(failing, Confirm.FAIL);

        var on500 = charge(user, "k-" + UUID.randomUUID(), body(1_000, "toss", failing));
        var unreachable = charge(user, "k-" + UUID.randomUUID(), body(2_000, "down", newPaymentKey()));

        assertEquals(202, on500.statusCode(), on500.asString());
        assertEquals("PENDING", on500.jsonPath().getString("status"));
        assertEquals(202, unreachable.statusCode(), unreachable.asString());
        assertEquals("PENDING", unreachable.jsonPath().getString("status"));
        assertEquals(0, Api.balance(user));
        assertEquals(2, Db.count("SELECT count(*) FROM topup WHERE user_id = ? AND status = 'PENDING'", user));
        assertEquals(
                "PENDING",
                topUp(user, unreachable.jsonPath().getString("topUpId"))
                        .jsonPath()
                        .getString("status"));
    }

    @Test
    void concurrentStatusQueriesAndSettlementsCreditOnce() throws Exception {
        String user = Tokens.newUserId();
        String paymentKey = newPaymentKey();
        String topUpId = pendingTopUp(user, paymentKey, 4_000);
        pg.status(paymentKey, "DONE");
        String bearer = Tokens.user(user);

        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> {
                HttpResponse<String> response =
                        Http.send("GET", "/api/v1/wallet/charges/" + topUpId, bearer, Map.of(), null);
                assertEquals(200, response.statusCode(), response.body());
                return JsonPath.from(response.body()).getString("status");
            });
            tasks.add(() -> settle.settle("toss", paymentKey, TopUpStatus.APPROVED)
                    .orElseThrow()
                    .status()
                    .name());
        }
        List<String> statuses = Http.race(tasks);

        assertEquals(20, statuses.stream().filter("APPROVED"::equals).count(), statuses.toString());
        assertEquals(4_000, Api.balance(user));
        assertEquals(1, charges(user));
        assertEquals(
                1,
                Db.count("SELECT count(*) FROM outbox_event WHERE type = 'WalletCharged' AND aggregateid = ?", user));
    }

    @Test
    void thePaymentKeyUsedAgainWithAnotherIdempotencyKeyIsAConflict() {
        String user = Tokens.newUserId();
        String paymentKey = newPaymentKey();
        assertEquals(
                201,
                charge(user, "k-" + UUID.randomUUID(), body(3_000, "toss", paymentKey))
                        .statusCode());

        assertProblem(
                charge(user, "k-" + UUID.randomUUID(), body(3_000, "toss", paymentKey))
                        .response()
                        .then(),
                409,
                "payment-already-used");
        assertProblem(
                charge(Tokens.newUserId(), "k-" + UUID.randomUUID(), body(3_000, "toss", paymentKey))
                        .response()
                        .then(),
                409,
                "payment-already-used");

        assertEquals(3_000, Api.balance(user));
        assertEquals(1, pg.confirmCount(paymentKey));
        assertEquals(1, Db.count("SELECT count(*) FROM topup WHERE payment_key = ?", paymentKey));
    }

    @Test
    void aChargeWithoutAPaymentOrWithABadOneIsAProblemAndChangesNothing() {
        String user = Tokens.newUserId();
        String before = Db.snapshot() + Db.count("SELECT count(*) FROM topup");

        assertProblem(
                        charge(user, "k-" + UUID.randomUUID(), "{\"amount\":5000}")
                                .response()
                                .then(),
                        400,
                        "invalid-input")
                .body("errors[0].field", equalTo("payment"));
        assertProblem(
                        charge(user, "k-" + UUID.randomUUID(), body(5_000, "paypal", newPaymentKey()))
                                .response()
                                .then(),
                        400,
                        "invalid-input")
                .body("errors[0].field", equalTo("payment.provider"));
        for (String bad : new String[] {
            "{\"amount\":5000,\"payment\":{}}",
            "{\"amount\":5000,\"payment\":{\"provider\":\"toss\",\"paymentKey\":\"\",\"orderId\":\"o-1\"}}",
            "{\"amount\":5000,\"payment\":{\"provider\":\"toss\",\"paymentKey\":\"a b\",\"orderId\":\"o-1\"}}",
            "{\"amount\":5000,\"payment\":{\"provider\":\"toss\",\"paymentKey\":\"pk\",\"orderId\":\"" + "o".repeat(65)
                    + "\"}}",
            "{\"amount\":5000,\"payment\":\"toss\"}",
            "{\"amount\":0,\"payment\":{\"provider\":\"toss\",\"paymentKey\":\"pk\",\"orderId\":\"o-1\"}}"
        }) {
            assertProblem(charge(user, "k-" + UUID.randomUUID(), bad).response().then(), 400);
        }
        assertProblem(
                asUser(user)
                        .contentType(ContentType.JSON)
                        .body(body(5_000, "toss", newPaymentKey()))
                        .post("/api/v1/wallet/charges")
                        .then(),
                400);

        assertEquals(before, Db.snapshot() + Db.count("SELECT count(*) FROM topup"));
    }

    @Test
    void twentyConcurrentIdenticalRequestsCreditOnce() throws Exception {
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        String key = "k-" + UUID.randomUUID();
        String paymentKey = newPaymentKey();
        String body = body(6_000, "toss", paymentKey);

        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> Http.send("POST", "/api/v1/wallet/charges", bearer, Map.of("Idempotency-Key", key), body));
        }
        List<HttpResponse<String>> responses = Http.race(tasks);

        for (HttpResponse<String> response : responses) {
            // a replay that arrives while the first request still waits for the PG sees the top-up PENDING
            assertTrue(response.statusCode() == 201 || response.statusCode() == 202, response.body());
        }
        assertEquals(1, pg.confirmCount(paymentKey));
        assertEquals(6_000, Api.balance(user));
        assertEquals(1, charges(user));
        var replay = charge(user, key, body);
        assertEquals(201, replay.statusCode());
        assertEquals(6_000, replay.jsonPath().getLong("balance"));
    }

    @Test
    void twentyConcurrentRequestsWithOnePaymentKeyCreditOnce() throws Exception {
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        String paymentKey = newPaymentKey();
        String body = body(8_000, "toss", paymentKey);

        List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "k-" + UUID.randomUUID();
            tasks.add(() -> Http.send("POST", "/api/v1/wallet/charges", bearer, Map.of("Idempotency-Key", key), body));
        }
        List<HttpResponse<String>> responses = Http.race(tasks);

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count(), statuses(responses));
        assertEquals(19, responses.stream().filter(r -> r.statusCode() == 409).count(), statuses(responses));
        assertEquals(1, pg.confirmCount(paymentKey));
        assertEquals(8_000, Api.balance(user));
        assertEquals(1, charges(user));
    }

    @Test
    void aTopUpIsVisibleToItsOwnerOnly() {
        String user = Tokens.newUserId();
        var approved = charge(user, "k-" + UUID.randomUUID(), body(1_000, "toss", newPaymentKey()));
        String topUpId = approved.jsonPath().getString("topUpId");
        assertNotNull(topUpId);

        assertProblem(topUp(Tokens.newUserId(), topUpId).response().then(), 404, "not-found");
        assertProblem(topUp(user, UUID.randomUUID().toString()).response().then(), 404, "not-found");
        assertProblem(topUp(user, "not-a-uuid").response().then(), 404, "not-found");
        assertEquals(200, topUp(user, topUpId).statusCode());
    }

    private static String statuses(List<HttpResponse<String>> responses) {
        return responses.stream()
                .map(r -> r.statusCode() + " " + r.body())
                .toList()
                .toString();
    }
}
