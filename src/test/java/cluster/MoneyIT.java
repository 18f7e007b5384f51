package cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import support.Db;
import support.GatewayStandIn;
import support.GatewayStandIn.Confirm;
import support.Http;
import support.TestInfrastructure;
import support.Tokens;

/**
 * Money in the packaged application (prod profile) with a payment gateway: the stand-in PG is a
 * real HTTP server here, the jar runs with a short sweep age and no webhook (issue #15, points 2
 * and 7). Started through {@link AppInstance} because it needs settings of its own.
 */
class MoneyIT {
    private static final String DATABASE =
            "cb_it_money_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX =
            "cb-it-money-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static GatewayStandIn pg;
    private static AppInstance app;

    @BeforeAll
    static void start() throws Exception {
        TestInfrastructure.createDatabase(DATABASE);
        pg = GatewayStandIn.start();
        Map<String, String> config = Cluster.config(DATABASE, PREFIX);
        config.put("payments.providers.toss.url", pg.url());
        config.put("payments.providers.toss.secret-key", GatewayStandIn.SECRET_KEY);
        config.put("payments.providers.toss.timeout", "1s");
        // the sweeper asks about PENDING top-ups older than 1 s, every 300 ms
        config.put("wallet.pending-sweep.after", "1s");
        config.put("wallet.pending-sweep.interval", "300ms");
        // no webhook: undelivered events are pruned after 5 s, the prune job runs every 300 ms
        config.put("events.relay.undelivered-retention", "5s");
        config.put("events.relay.prune-interval", "300ms");
        app = AppInstance.start("money", config);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (pg != null) {
            pg.close();
        }
        TestInfrastructure.dropDatabase(DATABASE);
        TestInfrastructure.deleteRedisKeys(PREFIX);
    }

    private static HttpResponse<String> send(String method, String path, String user, String body) {
        return Http.send(
                app.base(), method, path, Tokens.user(user), Map.of("Idempotency-Key", "k-" + UUID.randomUUID()), body);
    }

    private static String order(String user, long amount) {
        HttpResponse<String> created = send("POST", "/api/v1/wallet/top-ups", user, "{\"amount\":" + amount + "}");
        assertEquals(201, created.statusCode(), created.body());
        return Cluster.field(created.body(), "orderId");
    }

    private static HttpResponse<String> charge(String user, long amount, String paymentKey, String orderId) {
        return send(
                "POST",
                "/api/v1/wallet/charges",
                user,
                "{\"amount\":" + amount + ",\"payment\":{\"provider\":\"toss\",\"paymentKey\":\"" + paymentKey
                        + "\",\"orderId\":\"" + orderId + "\"}}");
    }

    private static long balance(String user) {
        HttpResponse<String> wallet = send("GET", "/api/v1/wallet", user, null);
        assertEquals(200, wallet.statusCode(), wallet.body());
        return Long.parseLong(Cluster.field(wallet.body(), "balance"));
    }

    private static long count(String sql) {
        return Db.countIn(DATABASE, sql);
    }

    private static String status(String paymentKey) {
        return count("SELECT count(*) FROM topup WHERE payment_key = '" + paymentKey + "' AND status = 'APPROVED'") == 1
                ? "APPROVED"
                : count("SELECT count(*) FROM topup WHERE payment_key = '" + paymentKey + "' AND status = 'PENDING'")
                                == 1
                        ? "PENDING"
                        : "CLOSED";
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + DEADLINE);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // between polls, not a wait for a result
        }
    }

    private static String newPaymentKey() {
        return "pk_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A top-up whose confirm the PG did not answer in time: 202 PENDING. */
    private static String pendingTopUp(String user, long amount, String paymentKey) {
        pg.onConfirm(paymentKey, Confirm.HANG);
        HttpResponse<String> pending = charge(user, amount, paymentKey, order(user, amount));
        assertEquals(202, pending.statusCode(), pending.body());
        pg.releaseHung();
        return Cluster.field(pending.body(), "topUpId");
    }

    @Test
    void someoneElsesOrderIdOrPaymentKeyMovesNoMoney() {
        String alice = Tokens.newUserId();
        String mallory = Tokens.newUserId();
        String alicesOrder = order(alice, 5_000);
        String paymentKey = newPaymentKey();

        HttpResponse<String> foreign = charge(mallory, 5_000, paymentKey, alicesOrder);

        assertEquals(404, foreign.statusCode(), foreign.body());
        assertTrue(foreign.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(0, pg.confirmCount(paymentKey), "no confirm for someone else's order");
        HttpResponse<String> paid = charge(alice, 5_000, paymentKey, alicesOrder);
        assertEquals(201, paid.statusCode(), paid.body());
        HttpResponse<String> reusedKey = charge(mallory, 5_000, paymentKey, order(mallory, 5_000));
        assertEquals(409, reusedKey.statusCode(), reusedKey.body());
        assertEquals("urn:concert-booking:problem:payment-already-used", Cluster.field(reusedKey.body(), "type"));
        HttpResponse<String> reusedOrder = charge(alice, 5_000, newPaymentKey(), alicesOrder);
        assertEquals(409, reusedOrder.statusCode(), reusedOrder.body());
        assertEquals("urn:concert-booking:problem:top-up-order-used", Cluster.field(reusedOrder.body(), "type"));
        assertEquals(5_000, balance(alice));
        assertEquals(0, balance(mallory));
        assertEquals(1, pg.confirmCount(paymentKey));
    }

    @Test
    void pendingTopUpsAreSweptToThePgsVerdictAndCreditedOnce() {
        String user = Tokens.newUserId();
        String approved = newPaymentKey();
        String declined = newPaymentKey();
        pendingTopUp(user, 7_000, approved);
        pendingTopUp(user, 3_000, declined);
        assertEquals(0, balance(user));

        pg.status(approved, "DONE");
        pg.status(declined, "ABORTED");

        // nobody asks GET /charges/{id}: only the scheduled topup-sweeper can settle them
        await(
                "the sweeper settles both",
                () -> !status(approved).equals("PENDING") && !status(declined).equals("PENDING"));
        assertEquals("APPROVED", status(approved));
        assertEquals("CLOSED", status(declined));
        assertEquals(7_000, balance(user));
        assertEquals(1, count("SELECT count(*) FROM wallet_transaction WHERE user_id = '" + user + "'"));
    }

    @Test
    void statusQueriesAndSweepsRacingWithAChangingVerdictLeaveOneVerdict() throws Exception {
        String user = Tokens.newUserId();
        String paymentKey = newPaymentKey();
        String topUpId = pendingTopUp(user, 4_000, paymentKey);
        pg.status(paymentKey, "DONE");

        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            tasks.add(() -> {
                if (n == 8) {
                    // the PG's word changes mid-race: some callers see DONE, some CANCELED
                    pg.status(paymentKey, "CANCELED");
                }
                if (n % 2 == 0) {
                    return Http.send(
                                    app.base(),
                                    "POST",
                                    "/api/v1/admin/jobs/topup-sweeper/run",
                                    Tokens.admin(),
                                    Map.of(),
                                    null)
                            .statusCode();
                }
                return send("GET", "/api/v1/wallet/charges/" + topUpId, user, null)
                        .statusCode();
            });
        }
        List<Integer> statuses = Http.race(tasks);

        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
        await("one verdict", () -> !status(paymentKey).equals("PENDING"));
        boolean credited = status(paymentKey).equals("APPROVED");
        assertEquals(credited ? 4_000 : 0, balance(user));
        assertEquals(credited ? 1 : 0, count("SELECT count(*) FROM wallet_transaction WHERE user_id = '" + user + "'"));
        assertEquals(1, count("SELECT count(*) FROM topup WHERE payment_key = '" + paymentKey + "'"));
    }

    @Test
    void withoutAWebhookTheOutboxIsPrunedAfterItsRetention() {
        String user = Tokens.newUserId();
        String paymentKey = newPaymentKey();
        HttpResponse<String> paid = charge(user, 2_000, paymentKey, order(user, 2_000));
        assertEquals(201, paid.statusCode(), paid.body());
        String events = "SELECT count(*) FROM outbox_event WHERE aggregateid = '" + user + "'";
        assertEquals(1, count(events), "the WalletCharged event waits in the outbox (retention 5 s)");

        await("the undelivered event is pruned", () -> count(events) == 0);
        assertEquals(2_000, balance(user), "pruning the outbox touches no money");
    }
}
