package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;
import static support.Problems.assertProblem;
import static support.Reconciliation.awaitEnd;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Db;
import support.Pages;
import support.Reconciliation;
import support.TestClock;
import support.Tokens;

/**
 * Reconciliation cases (issue #18 item 5, decision D59): every mismatch opens one case, a re-run
 * opens no second one and closes the cases whose record now matches, a person resolves a case with
 * who/when/why, and open cases age in the report.
 */
@QuarkusTest
@TestProfile(ReportedProfile.class)
class ReconciliationCaseContractTest {
    private static final String BASE = "/api/v1/admin/reconciliations";

    @AfterEach
    void clock() {
        TestClock.reset();
    }

    /** Every case of {@code status}, following the Link headers page by page. */
    static List<Map<String, Object>> cases(String status) {
        List<Map<String, Object>> all = new ArrayList<>();
        Pages.follow(() -> as(Tokens.admin()), BASE + "/cases?status=" + status + "&limit=500")
                .forEach(page -> all.addAll(page.jsonPath().getList("cases")));
        return all;
    }

    static List<Map<String, Object>> casesOf(String status, String paymentKey) {
        return cases(status).stream()
                .filter(c -> paymentKey.equals(c.get("paymentKey")))
                .toList();
    }

    static Map<String, Object> only(List<Map<String, Object>> cases) {
        assertEquals(1, cases.size(), "one case expected: " + cases);
        return cases.getFirst();
    }

    @Test
    void mismatchesOpenCasesOnceAndARerunClosesTheOnesThatNowMatch() {
        ReconciliationContractTest.Day day = ReconciliationContractTest.craftedDay();
        Reconciliation.start(day.date());
        assertEquals("COMPLETED", awaitEnd(day.date()).getString("status"));

        // the crafted day's toss transactions: k3 unknown to the PG, k4 booked 31,000 against 30,000,
        // k5 cancelled at the PG; the matched k1 opens nothing
        Map<String, Object> missing = only(casesOf("open", day.missingAtPg()));
        assertEquals("MISSING_AT_PG", missing.get("category"));
        assertEquals("TRANSACTIONS", missing.get("kind"));
        assertEquals("toss", missing.get("provider"));
        assertEquals(day.date().toString(), missing.get("businessDate"));
        assertEquals(Reconciliation.recordId(day.missingAtPg()), missing.get("recordId"));
        assertEquals("TOPUP", missing.get("recordType"));
        assertEquals(0, missing.get("daysOpen"));
        String amountKey = Db.text(
                "SELECT payment_key FROM recon_case WHERE category = 'AMOUNT_MISMATCH' AND business_date = ?::date",
                day.date().toString());
        Map<String, Object> amount = only(casesOf("open", amountKey));
        assertEquals("AMOUNT_MISMATCH", amount.get("category"));
        assertEquals(30_000, amount.get("pgAmount"));
        assertEquals(31_000, amount.get("ourAmount"));
        assertTrue(casesOf("open", day.matched()).isEmpty(), "a matched record opens no case");

        // a person settles k3 for good; k4's books are corrected; the date is run again
        String who = "finance-" + UUID.randomUUID();
        as(Tokens.admin(who))
                .contentType("application/json")
                .body("{\"action\": \"ACCEPT\", \"note\": \"test payment, never sent to the PG\"}")
                .post(BASE + "/cases/" + missing.get("id") + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("ACCEPT"))
                .body("resolvedBy", equalTo(who))
                .body("resolvedAt", notNullValue())
                .body("note", equalTo("test payment, never sent to the PG"));
        Db.update("UPDATE topup SET amount = 30000 WHERE payment_key = ?", amountKey);
        Reconciliation.start(day.date());
        assertEquals("COMPLETED", awaitEnd(day.date()).getString("status"));

        // k4 now matches: its case closed by the reconciliation, with a note; no case is open for it
        assertTrue(casesOf("open", amountKey).isEmpty());
        Map<String, Object> closed = only(casesOf("resolved", amountKey));
        assertEquals("AUTO_CLOSED", closed.get("resolution"));
        assertEquals("reconciliation", closed.get("resolvedBy"));
        assertTrue(((String) closed.get("note")).contains("now MATCHED"), String.valueOf(closed.get("note")));
        // k3's mismatch is still in the file but was accepted: no new case; the accepted one stays as it was
        assertTrue(casesOf("open", day.missingAtPg()).isEmpty());
        assertEquals(who, only(casesOf("resolved", day.missingAtPg())).get("resolvedBy"));
        // k5's status mismatch is found again: still exactly one case, the first one
        String statusKey = Db.text(
                "SELECT payment_key FROM recon_case WHERE category = 'STATUS_MISMATCH' AND business_date = ?::date",
                day.date().toString());
        List<Map<String, Object>> statusCases = casesOf("open", statusKey);
        assertEquals(1, statusCases.size());
        assertEquals(1L, Db.count("SELECT count(*) FROM recon_case WHERE payment_key = ?", statusKey));
    }

    @Test
    void recheckedCasesReopenWhenTheMismatchComesBackAndOpenCasesAgeInTheReport() {
        ReconciliationContractTest.Day day = ReconciliationContractTest.craftedDay();
        Reconciliation.start(day.date());
        awaitEnd(day.date());
        Map<String, Object> missing = only(casesOf("open", day.missingAtPg()));
        as(Tokens.admin())
                .contentType("application/json")
                .body("{\"action\": \"RECHECK\", \"note\": \"asked the PG to look again\"}")
                .post(BASE + "/cases/" + missing.get("id") + "/resolve")
                .then()
                .statusCode(200)
                .body("resolution", equalTo("RECHECK"));

        TestClock.advance(Duration.ofDays(10));
        Reconciliation.start(day.date());
        JsonPath report = awaitEnd(day.date());

        // RECHECK does not settle the mismatch: the re-run found it again and opened a new case
        Map<String, Object> reopened = only(casesOf("open", day.missingAtPg()));
        assertNotEquals(missing.get("id"), reopened.get("id"));
        assertEquals(0, reopened.get("daysOpen"));
        // the day's other cases have been open ten days: the report's ageing counts them 8-30
        String statusKey = Db.text(
                "SELECT payment_key FROM recon_case WHERE category = 'STATUS_MISMATCH' AND business_date = ?::date",
                day.date().toString());
        assertEquals(10, only(casesOf("open", statusKey)).get("daysOpen"));
        long open = report.getLong("openCases.open");
        assertTrue(report.getLong("openCases.byAge.'8-30'") >= 3, report.prettify());
        assertTrue(report.getLong("openCases.byAge.'0-1'") >= 1);
        long sum = report.getLong("openCases.byAge.'0-1'")
                + report.getLong("openCases.byAge.'2-7'")
                + report.getLong("openCases.byAge.'8-30'")
                + report.getLong("openCases.byAge.'>30'");
        assertEquals(open, sum);
        assertTrue(report.getLong("openCases.byProvider.toss") >= 4);
    }

    @Test
    void theListIsKeysetPagedWithALinkToTheNextPage() {
        ReconciliationContractTest.Day day = ReconciliationContractTest.craftedDay();
        Reconciliation.start(day.date());
        awaitEnd(day.date());

        Response first = as(Tokens.admin()).get(BASE + "/cases?limit=1");
        first.then().statusCode(200);
        assertEquals(1, first.jsonPath().getList("cases").size());
        String link = first.header("Link");
        assertNotNull(link);
        assertTrue(link.endsWith("; rel=\"next\""), link);
        assertTrue(link.contains("status=open") && link.contains("limit=1"), link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        Response second = as(Tokens.admin()).get(next);
        second.then().statusCode(200);
        assertNotEquals(
                first.jsonPath().getString("cases[0].id"), second.jsonPath().getString("cases[0].id"));
        assertEquals(first.jsonPath().getString("next"), next.substring(next.indexOf("cursor=") + 7));
        // default page size 50; the last page has no Link
        List<Map<String, Object>> all = cases("open");
        assertTrue(all.size() >= 4);
        Response whole = as(Tokens.admin()).get(BASE + "/cases?status=OPEN&limit=500");
        if (whole.jsonPath().getList("cases").size() < 500) {
            assertNull(whole.header("Link"));
            assertNull(whole.jsonPath().getString("next"));
        }
    }

    @Test
    void everyRefusalIsAProblem() {
        ReconciliationContractTest.Day day = ReconciliationContractTest.craftedDay();
        Reconciliation.start(day.date());
        awaitEnd(day.date());
        Object id = only(casesOf("open", day.missingAtPg())).get("id");
        String resolve = BASE + "/cases/" + id + "/resolve";

        for (String body : List.of(
                "{\"action\": \"IGNORE\", \"note\": \"x\"}",
                "{\"action\": \"AUTO_CLOSED\", \"note\": \"x\"}",
                "{\"note\": \"x\"}",
                "{\"action\": \"ACCEPT\"}",
                "{\"action\": \"ACCEPT\", \"note\": \"  \"}",
                "{\"action\": \"ACCEPT\", \"note\": \"" + "n".repeat(1001) + "\"}")) {
            assertProblem(
                    as(Tokens.admin())
                            .contentType("application/json")
                            .body(body)
                            .post(resolve)
                            .then(),
                    400);
        }
        assertProblem(
                as(Tokens.admin()).contentType("application/json").post(resolve).then(), 400);
        assertProblem(as(Tokens.admin()).get(BASE + "/cases?status=closed").then(), 400);
        assertProblem(as(Tokens.admin()).get(BASE + "/cases?limit=0").then(), 400);
        assertProblem(as(Tokens.admin()).get(BASE + "/cases?limit=501").then(), 400);
        assertProblem(as(Tokens.admin()).get(BASE + "/cases?cursor=not-ours").then(), 400);
        assertProblem(
                as(Tokens.admin())
                        .contentType("application/json")
                        .body("{\"action\": \"ACCEPT\", \"note\": \"x\"}")
                        .post(BASE + "/cases/" + UUID.randomUUID() + "/resolve")
                        .then(),
                404,
                "not-found");
        assertProblem(
                as(Tokens.admin())
                        .contentType("application/json")
                        .body("{\"action\": \"ACCEPT\", \"note\": \"x\"}")
                        .post(BASE + "/cases/not-a-uuid/resolve")
                        .then(),
                404);
        assertProblem(
                as(Tokens.admin())
                        .contentType("text/plain")
                        .body("x")
                        .post(resolve)
                        .then(),
                415);
        // not an admin, no token
        assertProblem(as(Tokens.user(Tokens.newUserId())).get(BASE + "/cases").then(), 403);
        assertProblem(io.restassured.RestAssured.given().get(BASE + "/cases").then(), 401);
        assertProblem(
                as(Tokens.user(Tokens.newUserId()))
                        .contentType("application/json")
                        .body("{\"action\": \"ACCEPT\", \"note\": \"x\"}")
                        .post(resolve)
                        .then(),
                403);

        // resolved once; a second time is a conflict and changes nothing
        as(Tokens.admin("first"))
                .contentType("application/json")
                .body("{\"action\": \"WRITE_OFF\", \"note\": \"below the threshold\"}")
                .post(resolve)
                .then()
                .statusCode(200);
        assertProblem(
                as(Tokens.admin("second"))
                        .contentType("application/json")
                        .body("{\"action\": \"REFUND\", \"note\": \"refunded\"}")
                        .post(resolve)
                        .then(),
                409,
                "case-already-resolved");
        Map<String, Object> kept = only(casesOf("resolved", day.missingAtPg()));
        assertEquals("WRITE_OFF", kept.get("resolution"));
        assertEquals("first", kept.get("resolvedBy"));
    }
}
