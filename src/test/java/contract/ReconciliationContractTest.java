package contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;
import static support.Problems.assertProblem;
import static support.Reconciliation.awaitEnd;
import static support.Reconciliation.file;
import static support.Reconciliation.key;
import static support.Reconciliation.tally;
import static support.Reconciliation.topUp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.FailingSettlement;
import support.Http;
import support.Pages;
import support.Reconciliation;
import support.Tokens;

/** The daily reconciliation over HTTP, against crafted PG files of two providers with different layouts. */
@QuarkusTest
class ReconciliationContractTest {
    private static final String BASE = "/api/v1/admin/reconciliations";

    /** The crafted day: one line per category, plus a malformed line, across both providers. */
    record Day(
            LocalDate date,
            String matched,
            String pendingApproved,
            String pendingApprovedUser,
            String pendingCancelled,
            String missingAtPg) {}

    static Day craftedDay() {
        LocalDate d = Reconciliation.freshDate();
        LocalDate before = d.minusDays(2);
        String k1 = key("k1"), k2 = key("k2"), k3 = key("k3"), k4 = key("k4"), k5 = key("k5"), k6 = key("k6");
        String k7 = key("k7"), k8 = key("k8"), k9 = key("k9"), t1 = key("t1");
        topUp("toss", k1, 10_000, "APPROVED", d);
        topUp("toss", k3, 5_000, "APPROVED", d); // not in the PG's file
        topUp("toss", k4, 31_000, "APPROVED", d); // PG says 30,000
        topUp("toss", k5, 7_000, "APPROVED", d); // cancelled at the PG
        String pendingUser = topUp("toss", k6, 8_000, "PENDING", d); // approved at the PG
        topUp("toss", k7, 9_000, "PENDING", d); // cancelled at the PG
        topUp("toss", k8, 50_000, "APPROVED", before);
        topUp("toss", k9, 10_000, "APPROVED", before);
        Reconciliation.acquired(k8); // acquired on an earlier day: the chain lets their settlement through
        Reconciliation.acquired(k9);
        topUp("kcp", t1, 15_000, "APPROVED", d);
        String iso = d.toString(), basic = d.toString().replace("-", "");
        file(
                "toss",
                "toss_transactions_" + iso + ".csv",
                "paymentKey,orderId,status,totalAmount,approvedAt",
                k1 + ",o1,DONE,10000," + iso + "T10:00:00+09:00",
                k2 + ",o2,DONE,20000," + iso + "T10:01:00+09:00",
                k4 + ",o4,DONE,30000," + iso + "T10:02:00+09:00",
                k5 + ",o5,DONE,7000," + iso + "T10:03:00+09:00",
                "this line,is,broken",
                k5 + ",o5,CANCELED,7000," + iso + "T11:03:00+09:00",
                k6 + ",\"o6, with a comma\",DONE,8000," + iso + "T10:04:00+09:00",
                k7 + ",o7,CANCELED,9000," + iso + "T10:05:00+09:00");
        file(
                "toss",
                "toss_acquisitions_" + iso + ".csv",
                "paymentKey,orderId,acquisitionStatus,amount,acquiredAt",
                k1 + ",o1,COMPLETED,10000," + iso,
                k2 + ",o2,COMPLETED,20000," + iso);
        file(
                "toss",
                "toss_settlements_" + iso + ".csv",
                "paymentKey,orderId,amount,fee,payOutAmount,soldDate,paidOutDate",
                k1 + ",o1,10000,320,9680," + iso + "," + iso,
                k8 + ",o8,50000,2000,48000," + iso + "," + iso,
                k9 + ",o9,10000,320,9000," + iso + "," + iso);
        file(
                "kcp",
                "KCP_TRADE_" + basic + ".txt",
                "TNO|ORDR_IDXX|TRAN_STAT|AMOUNT|APP_TIME",
                t1 + "|p1|APPR|15000|" + basic + "093000");
        file(
                "kcp",
                "KCP_ACQUIRE_" + basic + ".txt",
                "TNO|ORDR_IDXX|ACQU_STAT|ACQU_AMT|ACQU_DATE",
                t1 + "|p1|ACQU|15000|" + basic);
        file(
                "kcp",
                "KCP_SETTLE_" + basic + ".txt",
                "TNO|ORDR_IDXX|SALE_AMT|FEE_AMT|PAY_AMT|PAY_DATE",
                t1 + "|p1|15000|375|14625|" + basic,
                "|p2|abc|1|1|" + basic);
        return new Day(d, k1, k6, pendingUser, k7, k3);
    }

    @Test
    void everyCategoryIsCountedWithItsAmount() {
        Day day = craftedDay();
        Reconciliation.start(day.date());
        JsonPath report = awaitEnd(day.date());

        assertEquals("COMPLETED", report.getString("status"));
        assertEquals("MANUAL", report.getString("trigger"));
        assertNotNull(report.getString("finishedAt"));
        assertEquals(6, report.getList("steps").size());
        // toss transactions: 7 lines read (k5 twice), 1 malformed
        assertEquals(List.of(3L, 27_000L), tally(report, "toss", "TRANSACTIONS", "MATCHED"));
        assertEquals(List.of(1L, 20_000L), tally(report, "toss", "TRANSACTIONS", "MISSING_INTERNAL"));
        assertEquals(List.of(1L, 5_000L), tally(report, "toss", "TRANSACTIONS", "MISSING_AT_PG"));
        assertEquals(List.of(1L, 30_000L), tally(report, "toss", "TRANSACTIONS", "AMOUNT_MISMATCH"));
        assertEquals(List.of(1L, 7_000L), tally(report, "toss", "TRANSACTIONS", "STATUS_MISMATCH"));
        JsonPath transactions = Reconciliation.step(report, "toss", "TRANSACTIONS");
        assertEquals(7, transactions.getLong("rowsRead"));
        assertEquals(1, transactions.getLong("lineErrors"));
        assertEquals(6, transactions.getLong("firstLineErrors[0].lineNo"));
        assertTrue(transactions.getString("firstLineErrors[0].reason").contains("expected at least 4 fields"));
        assertEquals("toss/toss_transactions_" + day.date() + ".csv", transactions.getString("fileName"));
        // acquisitions
        assertEquals(List.of(1L, 10_000L), tally(report, "toss", "ACQUISITIONS", "MATCHED"));
        assertEquals(List.of(1L, 20_000L), tally(report, "toss", "ACQUISITIONS", "MISSING_INTERNAL"));
        // settlements: fee 3.20 % → k1 matched, k8 charged 2,000 instead of 1,600, k9 paid 9,000 instead of 9,680
        assertEquals(List.of(1L, 10_000L), tally(report, "toss", "SETTLEMENTS", "MATCHED"));
        assertEquals(List.of(1L, 50_000L), tally(report, "toss", "SETTLEMENTS", "FEE_MISMATCH"));
        assertEquals(List.of(1L, 10_000L), tally(report, "toss", "SETTLEMENTS", "SETTLEMENT_MISMATCH"));
        JsonPath settlements = Reconciliation.step(report, "toss", "SETTLEMENTS");
        assertEquals(2_640, settlements.getLong("summary.fees"));
        assertEquals(2_240, settlements.getLong("summary.expectedFees"));
        assertEquals(66_680, settlements.getLong("summary.payout"));
        assertEquals(67_760, settlements.getLong("summary.expectedPayout"));
        // kcp: its own layout, fee 2.50 %; the settlement line without a key or amount is reported, not matched
        assertEquals(List.of(1L, 15_000L), tally(report, "kcp", "TRANSACTIONS", "MATCHED"));
        assertEquals(List.of(1L, 15_000L), tally(report, "kcp", "SETTLEMENTS", "MATCHED"));
        assertEquals(1, Reconciliation.step(report, "kcp", "SETTLEMENTS").getLong("lineErrors"));
        assertEquals(1, Reconciliation.step(report, "kcp", "ACQUISITIONS").getLong("rowsRead"));

        // the PENDING top-ups the PG decided are settled: approved → credited once, cancelled → closed
        assertEquals(8_000, Api.balance(day.pendingApprovedUser()));
        assertEquals("APPROVED", topUpStatus(day.pendingApproved()));
        assertEquals("CANCELLED", topUpStatus(day.pendingCancelled()));
        // nothing else was corrected: the amount mismatch and the status mismatch stay as they were
        assertEquals(0, Db.count("SELECT count(*) FROM topup WHERE provider = 'toss' AND status = 'DECLINED'"));
        // operators hear about it without polling
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'ReconciliationCompleted' AND aggregateid = ?",
                        day.date().toString()));
    }

    @Test
    void itemsArePagedAndFilteredAndTheCsvHasEveryItem() {
        Day day = craftedDay();
        Reconciliation.start(day.date());
        awaitEnd(day.date());

        as(Tokens.admin())
                .queryParam("category", "missing_at_pg")
                .get(BASE + "/" + day.date() + "/items")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].paymentKey", equalTo(day.missingAtPg()))
                .body("items[0].ourAmount", equalTo(5000))
                .body("next", equalTo(null));

        List<String> keys = new ArrayList<>();
        Long after = 0L;
        int pages = 0;
        while (after != null) {
            JsonPath page = as(Tokens.admin())
                    .queryParam("limit", 4)
                    .queryParam("after", after)
                    .get(BASE + "/" + day.date() + "/items")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            keys.addAll(page.getList("items.paymentKey"));
            after = page.getObject("next", Long.class);
            pages++;
        }
        // 7 + 2 + 3 (toss) + 1 + 1 + 1 (kcp) items
        assertEquals(15, keys.size());
        assertEquals(4, pages);

        // the same pages through the Link header's opaque cursor (D51), as every growing list pages
        List<io.restassured.response.ExtractableResponse<io.restassured.response.Response>> linkedPages =
                Pages.follow(() -> as(Tokens.admin()), BASE + "/" + day.date() + "/items?limit=4");
        List<String> linked = linkedPages.stream()
                .flatMap(page -> page.jsonPath().getList("items.paymentKey", String.class).stream())
                .toList();
        assertEquals(keys, linked);
        assertEquals(4, linkedPages.size());
        assertProblem(
                as(Tokens.admin())
                        .queryParam("cursor", "garbled")
                        .get(BASE + "/" + day.date() + "/items")
                        .then(),
                400);
        assertProblem(
                as(Tokens.admin())
                        .queryParam("limit", "501")
                        .get(BASE + "/" + day.date() + "/items")
                        .then(),
                400);

        String csv = as(Tokens.admin())
                .get(BASE + "/" + day.date() + "/report.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\n");
        assertTrue(lines[0].startsWith("provider,kind,category,payment_key"));
        assertEquals(16, lines.length);
        assertTrue(csv.contains(day.matched() + ",2,APPROVED,APPROVED,10000,10000"), csv);
    }

    @Test
    void aReRunGivesTheSameResultsAndNeverCreditsTwice() {
        Day day = craftedDay();
        String first = Reconciliation.start(day.date());
        JsonPath one = awaitEnd(day.date());
        String second = Reconciliation.start(day.date());
        JsonPath two = awaitEnd(day.date());

        assertEquals(second, two.getString("runId"));
        assertEquals("COMPLETED", two.getString("status"));
        assertEquals(summaries(one), summaries(two));
        assertEquals(8_000, Api.balance(day.pendingApprovedUser()));
        assertEquals(1, ledgerLines(day.pendingApprovedUser()));
        // the re-run replaced the date's results
        assertEquals(0, Db.count("SELECT count(*) FROM recon_item WHERE run_id = ?::uuid", first));
        assertEquals(0, Db.count("SELECT count(*) FROM recon_staging"));
    }

    @Test
    void aCrashWhileSettlingFailsTheRunAndARestartFinishesTheJobOnce() {
        Day day = craftedDay();
        FailingSettlement.crashAfter(0);
        Reconciliation.start(day.date());
        JsonPath crashed = awaitEnd(day.date());
        assertEquals("FAILED", crashed.getString("status"));
        assertTrue(crashed.getString("failureReason").contains("injected crash"), crashed.getString("failureReason"));

        Reconciliation.start(day.date());
        JsonPath restarted = awaitEnd(day.date());
        assertEquals("COMPLETED", restarted.getString("status"));
        assertEquals(List.of(3L, 27_000L), tally(restarted, "toss", "TRANSACTIONS", "MATCHED"));
        assertEquals(8_000, Api.balance(day.pendingApprovedUser()));
        assertEquals(1, ledgerLines(day.pendingApprovedUser()));
        assertEquals("CANCELLED", topUpStatus(day.pendingCancelled()));
    }

    @Test
    void aRunWhoseProcessDiedIsReplacedOnceItsHeartbeatIsStale() {
        LocalDate date = Reconciliation.freshDate();
        Db.update("""
                INSERT INTO recon_run (id, business_date, trigger, requested_by, status, started_at, heartbeat_at)
                VALUES (gen_random_uuid(), ?::date, 'MANUAL', 'admin', 'RUNNING', now() - interval '1 hour',
                        now() - interval '1 hour')""", date.toString());

        String runId = Reconciliation.start(date);

        assertEquals(
                "FAILED",
                Db.text(
                        "SELECT status FROM recon_run WHERE business_date = ?::date AND id <> ?::uuid",
                        date.toString(),
                        runId));
        assertTrue(Db.text(
                        "SELECT failure_reason FROM recon_run WHERE business_date = ?::date AND id <> ?::uuid",
                        date.toString(),
                        runId)
                .startsWith("abandoned"));
        awaitEnd(date);
    }

    @Test
    void aLiveRunOfTheDateRefusesASecondTrigger() {
        LocalDate date = Reconciliation.freshDate();
        Db.update("""
                INSERT INTO recon_run (id, business_date, trigger, requested_by, status, started_at, heartbeat_at)
                VALUES (gen_random_uuid(), ?::date, 'MANUAL', 'admin', 'RUNNING', now(), now())""", date.toString());

        assertProblem(
                        as(Tokens.admin())
                                .contentType("application/json")
                                .body("{\"date\": \"" + date + "\"}")
                                .post(BASE)
                                .then(),
                        409,
                        "reconciliation-running")
                .header("Location", containsString(BASE + "/" + date));
        assertEquals(1, Db.count("SELECT count(*) FROM recon_run WHERE business_date = ?::date", date.toString()));
    }

    @Test
    void concurrentTriggersForOneDateStartOneRun() throws Exception {
        Day day = craftedDay();
        List<Callable<HttpResponse<String>>> triggers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            triggers.add(() -> Http.send("POST", BASE, Tokens.admin(), Map.of(), "{\"date\": \"" + day.date() + "\"}"));
        }
        List<HttpResponse<String>> answers = Http.race(triggers);
        awaitEnd(day.date());

        long accepted = answers.stream().filter(r -> r.statusCode() == 202).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 409).count();
        assertEquals(8, accepted + refused);
        assertTrue(accepted >= 1);
        // a trigger that arrives after the first run ended may start another: count runs, not answers,
        // and prove that no two runs of the date ever overlapped
        assertEquals(
                accepted,
                Db.count(
                        "SELECT count(*) FROM recon_run WHERE business_date = ?::date",
                        day.date().toString()));
        assertEquals(0, Db.count("""
                        SELECT count(*) FROM recon_run x JOIN recon_run y ON x.business_date = y.business_date
                          AND x.id < y.id AND x.started_at < y.finished_at AND y.started_at < x.finished_at
                        WHERE x.business_date = ?::date""", day.date().toString()));
        assertEquals(8_000, Api.balance(day.pendingApprovedUser()));
        assertEquals(1, ledgerLines(day.pendingApprovedUser()));
    }

    @Test
    void aMissingFileFailsTheRunWithItsReasonNeverAllMatched() {
        LocalDate date = Reconciliation.freshDate();
        file(
                "toss",
                "toss_transactions_" + date + ".csv",
                "paymentKey,orderId,status,totalAmount,approvedAt",
                key("x") + ",o,DONE,1000," + date + "T10:00:00+09:00");
        file("toss", "toss_acquisitions_" + date + ".csv", "paymentKey,orderId,wrongColumn,amount");

        Reconciliation.start(date);
        JsonPath report = awaitEnd(date);

        assertEquals("FAILED", report.getString("status"));
        String reason = report.getString("failureReason");
        // the chain: acquisitions failed, so toss's settlements never ran (their file is missing too)
        assertTrue(reason.contains("not run: the ACQUISITIONS stage of toss failed"), reason);
        assertTrue(reason.contains("lacks column 'acquisitionStatus'"), reason);
        assertTrue(reason.contains("KCP_TRADE_" + date.toString().replace("-", "") + ".txt: missing"), reason);
        assertEquals(
                "COMPLETED", Reconciliation.step(report, "toss", "TRANSACTIONS").getString("status"));
        assertEquals(
                "FAILED", Reconciliation.step(report, "toss", "SETTLEMENTS").getString("status"));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'ReconciliationCompleted' AND aggregateid = ?"
                                + " AND payload->>'status' = 'FAILED'",
                        date.toString()));
    }

    @Test
    void theScheduledJobReconcilesYesterdayInSeoul() {
        as(Tokens.admin())
                .post("/api/v1/admin/jobs/reconciliation/run")
                .then()
                .statusCode(200)
                .body("ran", equalTo(true));
        LocalDate yesterday = LocalDate.now(Reconciliation.SEOUL).minusDays(1);
        assertEquals(
                "SCHEDULED",
                Db.text(
                        "SELECT trigger FROM recon_run WHERE business_date = ?::date ORDER BY started_at DESC LIMIT 1",
                        yesterday.toString()));
        awaitEnd(yesterday);
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        String before = Db.text("SELECT count(*) FROM recon_run");
        for (String body :
                List.of("{}", "{\"date\": \"2026-13-01\"}", "{\"date\": 20261101}", "{\"date\": \"tomorrow\"}")) {
            assertProblem(
                    as(Tokens.admin())
                            .contentType("application/json")
                            .body(body)
                            .post(BASE)
                            .then(),
                    400);
        }
        String tomorrow = LocalDate.now(Reconciliation.SEOUL).plusDays(1).toString();
        assertProblem(
                        as(Tokens.admin())
                                .contentType("application/json")
                                .body("{\"date\": \"" + tomorrow + "\"}")
                                .post(BASE)
                                .then(),
                        400)
                .body("detail", containsString("once that day is over"));
        assertProblem(
                given().auth()
                        .oauth2(Tokens.user(Tokens.newUserId()))
                        .contentType("application/json")
                        .body("{\"date\": \"2025-01-01\"}")
                        .post(BASE)
                        .then(),
                403);
        assertProblem(as(Tokens.admin()).get(BASE + "/1999-01-01").then(), 404);
        assertProblem(as(Tokens.admin()).get(BASE + "/not-a-date").then(), 400);
        assertProblem(as(Tokens.admin()).get(BASE + "/1999-01-01/report.csv").then(), 404);
        assertProblem(
                as(Tokens.admin())
                        .queryParam("category", "NOPE")
                        .get(BASE + "/2025-01-01/items")
                        .then(),
                400);
        assertProblem(
                as(Tokens.admin())
                        .queryParam("limit", "0")
                        .get(BASE + "/2025-01-01/items")
                        .then(),
                400);
        assertEquals(before, Db.text("SELECT count(*) FROM recon_run"));
    }

    private static String topUpStatus(String paymentKey) {
        return Db.text("SELECT status FROM topup WHERE payment_key = ?", paymentKey);
    }

    private static long ledgerLines(String user) {
        return Db.count("SELECT count(*) FROM wallet_transaction WHERE user_id = ?", user);
    }

    private static List<Object> summaries(JsonPath report) {
        return report.getList("steps.summary");
    }
}
