package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import application.wallet.port.in.SettleTopUpUseCase;
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
import support.GatewayStandIn;
import support.GatewayStandIn.Confirm;
import support.Http;
import support.Tokens;

/** Wallet top-ups paid through a PG: the stand-in PG answers over real HTTP as each test scripts it. */
@QuarkusTest
@TestProfile(PaymentGatewayProfile.class)
class WalletTopUpContractTest {
    @Inject
    SettleTopUpUseCase settle;

    private final GatewayStandIn pg = GatewayStandIn.current();

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @AfterEach
    void releaseHungConfirms() {
        pg.releaseHung();
        support.TestClock.reset();
    }

    private final Map<String, String> orders = new java.util.concurrent.ConcurrentHashMap<>();

    /** A charge body naming the caller's order for this amount and payment (one per user, amount, key). */
    private String body(String user, long amount, String provider, String paymentKey) {
        String orderId =
                orders.computeIfAbsent(user + "|" + amount + "|" + paymentKey, k -> Api.topUpOrder(user, amount));
        return payment(amount, provider, paymentKey, orderId);
    }

    /** The same with a new order of the caller's. */
    private static String freshBody(String user, long amount, String provider, String paymentKey) {
        return payment(amount, provider, paymentKey, Api.topUpOrder(user, amount));
    }

    static String payment(long amount, String provider, String paymentKey, String orderId) {
        return "{\"amount\":" + amount + ",\"payment\":{\"provider\":\"" + provider + "\",\"paymentKey\":\""
                + paymentKey + "\",\"orderId\":\"" + orderId + "\"}}";
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
        var pending = charge(user, "k-" + UUID.randomUUID(), body(user, amount, "toss", paymentKey));
        assertEquals(202, pending.statusCode(), pending.asString());
        return pending.jsonPath().getString("topUpId");
    }

    @Test
    void anApprovedPaymentCreditsTheWalletOnceWithOneLedgerLine() {
        String user = Tokens.newUserId();
        String paymentKey = newPaymentKey();

        var approved = charge(user, "k-" + UUID.randomUUID(), body(user, 15_000, "toss", paymentKey));

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
        GatewayStandIn.Call confirm = pg.calls().stream()
                .filter(c -> c.body().contains(paymentKey))
                .findFirst()
                .orElseThrow();
        assertEquals("/v1/payments/confirm", confirm.path());
        String basic =
                Base64.getEncoder().encodeToString((GatewayStandIn.SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));
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
        var first = charge(user, key, body(user, 7_000, "toss", paymentKey));

        var replay = charge(user, key, body(user, 7_000, "toss", paymentKey));

        assertEquals(201, replay.statusCode());
        assertEquals(first.asString(), replay.asString());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(1, pg.confirmCount(paymentKey), "a replay does not confirm again");
        assertProblem(
                charge(user, key, body(user, 7_001, "toss", paymentKey))
                        .response()
                        .then(),
                409,
                "idempotency-key-reused");
        assertProblem(
                charge(user, key, body(user, 7_000, "toss", newPaymentKey()))
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

        var declined = charge(user, key, body(user, 5_000, "toss", paymentKey));

        assertProblem(declined.response().then(), 422, "payment-declined")
                .body("code", equalTo("REJECT_CARD_COMPANY"))
                .body("message", equalTo("the card company refused"));
        assertEquals("DECLINED", topUpStatus(paymentKey));
        assertEquals(
                "REJECT_CARD_COMPANY", Db.text("SELECT failure_code FROM topup WHERE payment_key = ?", paymentKey));
        assertEquals(0, Api.balance(user));
        assertEquals(0, charges(user));
        var replay = charge(user, key, body(user, 5_000, "toss", paymentKey));
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

        var pending = charge(user, "k-" + UUID.randomUUID(), body(user, 9_000, "toss", paymentKey));

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

        var on500 = charge(user, "k-" + UUID.randomUUID(), body(user, 1_000, "toss", failing));
        var unreachable = charge(user, "k-" + UUID.randomUUID(), body(user, 2_000, "down", newPaymentKey()));

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
                charge(user, "k-" + UUID.randomUUID(), body(user, 3_000, "toss", paymentKey))
                        .statusCode());

        assertProblem(
                charge(user, "k-" + UUID.randomUUID(), freshBody(user, 3_000, "toss", paymentKey))
                        .response()
                        .then(),
                409,
                "payment-already-used");
        String other = Tokens.newUserId();
        assertProblem(
                charge(other, "k-" + UUID.randomUUID(), freshBody(other, 3_000, "toss", paymentKey))
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
                        charge(user, "k-" + UUID.randomUUID(), body(user, 5_000, "paypal", newPaymentKey()))
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
                        .body(body(user, 5_000, "toss", newPaymentKey()))
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
        String body = body(user, 6_000, "toss", paymentKey);

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
        String body = body(user, 8_000, "toss", paymentKey);

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
        var approved = charge(user, "k-" + UUID.randomUUID(), body(user, 1_000, "toss", newPaymentKey()));
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

    // ---- issue #15: top-ups bound to the buyer, one verdict per top-up, the PENDING sweeper ----

    private static ExtractableResponse<Response> createOrder(String user, String body) {
        return asUser(user)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/wallet/top-ups")
                .then()
                .extract();
    }

    @Test
    void aTopUpOrderIsTheCallersWithARandomIdAndALifetime() {
        String user = Tokens.newUserId();
        java.time.Instant before = java.time.Instant.now();

        var created = createOrder(user, "{\"amount\":12000}");

        assertEquals(201, created.statusCode(), created.asString());
        String orderId = created.jsonPath().getString("orderId");
        assertTrue(orderId.matches("ord_[A-Za-z0-9_-]{22}"), orderId);
        assertEquals(12_000, created.jsonPath().getLong("amount"));
        java.time.Instant expiresAt = java.time.Instant.parse(created.jsonPath().getString("expiresAt"));
        assertTrue(
                !expiresAt.isBefore(before.plus(java.time.Duration.ofMinutes(29)))
                        && !expiresAt.isAfter(java.time.Instant.now().plus(java.time.Duration.ofMinutes(31))),
                expiresAt.toString());
        assertEquals(user, Db.text("SELECT user_id FROM topup_order WHERE id = ?", orderId));
        assertTrue(!orderId.equals(Api.topUpOrder(user, 12_000)), "each order has its own id");
        for (String bad : new String[] {"{}", "{\"amount\":0}", "{\"amount\":-5}", "{\"amount\":10000001}", "[]"}) {
            assertProblem(createOrder(user, bad).response().then(), 400);
        }
        assertProblem(
                asUser(user)
                        .contentType(ContentType.JSON)
                        .post("/api/v1/wallet/top-ups")
                        .then(),
                400);
    }

    @Test
    void aUserHoldsAtMostFiveOpenOrders() {
        String user = Tokens.newUserId();
        for (int i = 0; i < 5; i++) {
            Api.topUpOrder(user, 1_000);
        }

        assertProblem(createOrder(user, "{\"amount\":1000}").response().then(), 409, "top-up-order-too-many-open");

        assertEquals(5, Db.count("SELECT count(*) FROM topup_order WHERE user_id = ?", user));
        assertEquals(201, createOrder(Tokens.newUserId(), "{\"amount\":1000}").statusCode(), "per user");
    }

    @Test
    void aParallelBurstOfOrdersStaysWithinTheBound() throws Exception {
        String user = Tokens.newUserId();
        String bearer = Tokens.user(user);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(() -> Http.send("POST", "/api/v1/wallet/top-ups", bearer, Map.of(), "{\"amount\":1000}")
                    .statusCode());
        }

        List<Integer> statuses = Http.race(tasks);

        assertEquals(5, statuses.stream().filter(c -> c == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(c -> c == 409).count(), statuses.toString());
        assertEquals(5, Db.count("SELECT count(*) FROM topup_order WHERE user_id = ?", user));
    }

    @Test
    void someoneElsesOrderIsNotFoundAndMovesNothing() {
        String alice = Tokens.newUserId();
        String mallory = Tokens.newUserId();
        String alicesOrder = Api.topUpOrder(alice, 5_000);
        String paymentKey = newPaymentKey();
        String before = Db.snapshot() + Db.count("SELECT count(*) FROM topup");

        assertProblem(
                charge(mallory, "k-" + UUID.randomUUID(), payment(5_000, "toss", paymentKey, alicesOrder))
                        .response()
                        .then(),
                404,
                "not-found");
        assertProblem(
                charge(mallory, "k-" + UUID.randomUUID(), payment(5_000, "toss", paymentKey, "ord_guessed"))
                        .response()
                        .then(),
                404,
                "not-found");

        assertEquals(before, Db.snapshot() + Db.count("SELECT count(*) FROM topup"));
        assertEquals(0, pg.confirmCount(paymentKey), "the PG is never asked to confirm for a foreign order");
        assertEquals(0, Api.balance(mallory));
        // the order is still Alice's to pay, once
        assertEquals(
                201,
                charge(alice, "k-" + UUID.randomUUID(), payment(5_000, "toss", paymentKey, alicesOrder))
                        .statusCode());
        assertProblem(
                charge(mallory, "k-" + UUID.randomUUID(), payment(5_000, "toss", paymentKey, alicesOrder))
                        .response()
                        .then(),
                404,
                "not-found");
        assertProblem(
                charge(mallory, "k-" + UUID.randomUUID(), freshBody(mallory, 5_000, "toss", paymentKey))
                        .response()
                        .then(),
                409,
                "payment-already-used");
        assertProblem(
                charge(alice, "k-" + UUID.randomUUID(), payment(5_000, "toss", newPaymentKey(), alicesOrder))
                        .response()
                        .then(),
                409,
                "top-up-order-used");
        assertEquals(5_000, Api.balance(alice));
        assertEquals(0, Api.balance(mallory));
        assertEquals(1, pg.confirmCount(paymentKey));
    }

    @Test
    void anOrderOfAnotherAmountOrPastItsLifetimeIsAConflictAndTheKeyStaysFree() {
        String user = Tokens.newUserId();
        String order = Api.topUpOrder(user, 5_000);
        String paymentKey = newPaymentKey();
        String key = "k-" + UUID.randomUUID();

        assertProblem(
                charge(user, key, payment(5_001, "toss", paymentKey, order))
                        .response()
                        .then(),
                409,
                "top-up-order-amount-mismatch");
        support.TestClock.advance(java.time.Duration.ofMinutes(31));
        assertProblem(
                charge(user, key, payment(5_000, "toss", paymentKey, order))
                        .response()
                        .then(),
                409,
                "top-up-order-expired");

        assertEquals(0, pg.confirmCount(paymentKey));
        assertEquals(0, Db.count("SELECT count(*) FROM topup WHERE user_id = ?", user));
        support.TestClock.reset();
        assertEquals(
                201,
                charge(user, key, payment(5_000, "toss", paymentKey, order)).statusCode(),
                "the key was not used up");
    }

    @Test
    void conflictingVerdictsRacingOnOnePendingTopUpLeaveOneVerdictAndCreditAtMostOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String user = Tokens.newUserId();
            String paymentKey = newPaymentKey();
            pendingTopUp(user, paymentKey, 4_000);
            TopUpStatus[] verdicts = {TopUpStatus.APPROVED, TopUpStatus.CANCELLED, TopUpStatus.DECLINED};

            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                TopUpStatus verdict = verdicts[i % verdicts.length];
                // what parallel reconciliation steps (TRANSACTIONS, ACQUISITIONS) and status queries do
                tasks.add(() -> settle.settle("toss", paymentKey, verdict, "RACE", "race")
                        .orElseThrow()
                        .status()
                        .name());
            }
            List<String> seen = Http.race(tasks);

            String verdict = topUpStatus(paymentKey);
            assertTrue(!verdict.equals("PENDING"), verdict);
            assertEquals(
                    24, seen.stream().filter(verdict::equals).count(), "every caller sees the one verdict: " + seen);
            boolean approved = verdict.equals("APPROVED");
            assertEquals(approved ? 4_000 : 0, Api.balance(user));
            assertEquals(approved ? 1 : 0, charges(user));
            assertEquals(
                    approved ? 1 : 0,
                    Db.count(
                            "SELECT count(*) FROM outbox_event WHERE type = 'WalletCharged' AND aggregateid = ?",
                            user));
        }
    }

    private double swept(String outcome) {
        var counter = meters.find("wallet.topups.swept").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void runSweeper() {
        io.restassured.RestAssured.given()
                .header("Job-Trigger-Secret", "test-trigger-secret")
                .post("/api/v1/admin/jobs/topup-sweeper/run")
                .then()
                .statusCode(200)
                .body("job", equalTo("topup-sweeper"))
                .body("ran", equalTo(true));
    }

    @Test
    void theSweeperSettlesOldPendingTopUpsWithTheirPgsWordOnce() {
        String user = Tokens.newUserId();
        String done = newPaymentKey();
        String cancelled = newPaymentKey();
        String inProgress = newPaymentKey();
        String doneId = pendingTopUp(user, done, 3_000);
        pendingTopUp(user, cancelled, 4_000);
        pendingTopUp(user, inProgress, 5_000);
        pg.status(done, "DONE");
        pg.status(cancelled, "CANCELED");
        pg.status(inProgress, "IN_PROGRESS");
        double approvedBefore = swept("approved");
        double cancelledBefore = swept("cancelled");
        double pendingBefore = swept("still_pending");
        // other tests' PENDING top-ups are swept too (e.g. a confirm the PG approved after our timeout)
        String pendingBeforeSweep = "SELECT count(*) FROM topup WHERE status = ? AND id = ANY (?::uuid[])";
        String idArray = "{"
                + Db.text("SELECT coalesce(string_agg(id::text, ','), '') FROM topup WHERE status = 'PENDING'") + "}";

        runSweeper();
        assertEquals("PENDING", topUpStatus(done), "younger than wallet.pending-sweep.after (2m)");

        support.TestClock.advance(java.time.Duration.ofMinutes(3));
        runSweeper();
        runSweeper();

        assertEquals("APPROVED", topUpStatus(done));
        assertEquals("CANCELLED", topUpStatus(cancelled));
        assertEquals("PENDING", topUpStatus(inProgress));
        assertEquals(3_000, Api.balance(user));
        assertEquals(1, charges(user));
        assertEquals("APPROVED", topUp(user, doneId).jsonPath().getString("status"));
        assertEquals(Db.count(pendingBeforeSweep, "APPROVED", idArray), swept("approved") - approvedBefore);
        assertEquals(Db.count(pendingBeforeSweep, "CANCELLED", idArray), swept("cancelled") - cancelledBefore);
        assertTrue(swept("approved") - approvedBefore >= 1);
        assertTrue(swept("still_pending") - pendingBefore >= 2, "asked twice about the one still in progress");
    }

    @Test
    void theRetentionJobForgetsLongExpiredOrders() {
        String user = Tokens.newUserId();
        String order = Api.topUpOrder(user, 1_000);
        support.TestClock.advance(java.time.Duration.ofDays(7).plusMinutes(31));

        io.restassured.RestAssured.given()
                .header("Job-Trigger-Secret", "test-trigger-secret")
                .post("/api/v1/admin/jobs/topup-order-retention/run")
                .then()
                .statusCode(200)
                .body("ran", equalTo(true));

        assertEquals(0, Db.count("SELECT count(*) FROM topup_order WHERE id = ?", order));
    }
}
