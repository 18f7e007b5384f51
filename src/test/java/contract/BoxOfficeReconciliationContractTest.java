package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static support.Api.as;
import static support.Reconciliation.awaitEnd;
import static support.Reconciliation.tally;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Db;
import support.Reconciliation;
import support.TestInfrastructure;
import support.Tokens;

/**
 * Box-office sales reconciled by Welcome offline files written by the test (D62): the chain
 * MATCHED → ACQUIRED → SETTLED on the sale, its history, and a mismatch opening a case whose record
 * is the sale (record type BOX_OFFICE_SALE). Same providers as the chain test (one Quarkus start).
 */
@QuarkusTest
@TestProfile(ReconciliationChainContractTest.MoreProviders.class)
class BoxOfficeReconciliationContractTest {
    private static final String PROVIDER = "welcome-offline";
    private static final String BASE = "/api/v1/admin/reconciliations";

    /** One 80-byte record of the Welcome offline layout, ASCII only. */
    private static String record(String text) {
        if (text.length() > 80) {
            throw new IllegalArgumentException(text);
        }
        return text + " ".repeat(80 - text.length());
    }

    /** A transaction or acquisition line: approval number (12), status 1 approved / 2 cancelled, amount. */
    private static String payment(String approvalNo, char status, long amount) {
        return record("DT000000001" + approvalNo + status + String.format("%010d", amount) + "20250101120000BOX1");
    }

    private static String settlement(String approvalNo, long amount, long fee, LocalDate date) {
        return record("DT000000001" + approvalNo + String.format("%010d", amount) + String.format("%08d", fee)
                + String.format("%010d", amount - fee) + date.toString().replace("-", ""));
    }

    private static void write(String fileName, LocalDate date, String kind, List<String> data, String trailer) {
        List<String> lines = new ArrayList<>();
        lines.add(record("H" + date.toString().replace("-", "") + kind + "BOX OFFICE"));
        lines.addAll(data);
        lines.add(record(trailer));
        try {
            Path dir = Files.createDirectories(
                    TestInfrastructure.reconciliationInbox().resolve(PROVIDER));
            Files.write(
                    dir.resolve(fileName.replace("{date}", date.toString().replace("-", ""))),
                    (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String approvalNo() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void reconcile(LocalDate date) {
        as(Tokens.admin())
                .contentType("application/json")
                .body("{\"date\": \"" + date + "\", \"provider\": \"" + PROVIDER + "\"}")
                .post(BASE)
                .then()
                .statusCode(202);
    }

    /** The open case of a payment key, paging through GET …/cases?status=open (oldest first). */
    private static JsonPath openCase(String paymentKey) {
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var request = as(Tokens.admin()).queryParam("status", "open").queryParam("limit", 500);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath cases = request.get(BASE + "/cases")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> keys = cases.getList("cases.paymentKey", String.class);
            int at = keys.indexOf(paymentKey);
            if (at >= 0) {
                return new JsonPath(cases.prettify()).setRootPath("cases[" + at + "]");
            }
            cursor = cases.getString("next");
            if (cursor == null) {
                break;
            }
        }
        throw new AssertionError("no open case of " + paymentKey);
    }

    @Test
    void aBoxOfficeSaleIsReconciledThroughTheChainAndAMismatchOpensACaseOnTheSale() {
        LocalDate date = Reconciliation.freshDate();
        String settled = approvalNo(), mismatched = approvalNo(), unlisted = approvalNo(), unknown = approvalNo();
        String settledSale = Reconciliation.boxOfficeSale(PROVIDER, settled, 50_000, date);
        String mismatchedSale = Reconciliation.boxOfficeSale(PROVIDER, mismatched, 30_000, date);
        String unlistedSale = Reconciliation.boxOfficeSale(PROVIDER, unlisted, 20_000, date);
        // a top-up with the settled sale's payment key is not what this provider's files are about
        Reconciliation.topUp(PROVIDER, settled, 1, "APPROVED", date);

        write(
                "WO_TRAN_{date}.dat",
                date,
                "TR",
                List.of(payment(settled, '1', 50_000), payment(mismatched, '1', 31_000), payment(unknown, '1', 7_000)),
                "T00000003" + String.format("%014d", 88_000));
        write(
                "WO_ACQU_{date}.dat",
                date,
                "AC",
                List.of(payment(settled, '1', 50_000), payment(mismatched, '1', 31_000)),
                "T00000002" + String.format("%014d", 81_000));
        // fee-bps 200: 1,000 of 50,000
        write(
                "WO_SETL_{date}.dat",
                date,
                "ST",
                List.of(settlement(settled, 50_000, 1_000, date)),
                "T00000001" + String.format("%014d", 50_000) + String.format("%014d", 1_000)
                        + String.format("%014d", 49_000));

        reconcile(date);
        JsonPath report = awaitEnd(date);

        assertEquals(List.of(1L, 50_000L), tally(report, PROVIDER, "TRANSACTIONS", "MATCHED"));
        assertEquals(List.of(1L, 31_000L), tally(report, PROVIDER, "TRANSACTIONS", "AMOUNT_MISMATCH"));
        assertEquals(List.of(1L, 20_000L), tally(report, PROVIDER, "TRANSACTIONS", "MISSING_AT_PG"));
        // approved at a terminal, but no sale of ours has that approval number
        assertEquals(List.of(1L, 7_000L), tally(report, PROVIDER, "TRANSACTIONS", "MISSING_INTERNAL"));
        assertEquals(List.of(1L, 31_000L), tally(report, PROVIDER, "ACQUISITIONS", "NOT_MATCHED"));
        assertEquals(List.of(1L, 50_000L), tally(report, PROVIDER, "SETTLEMENTS", "MATCHED"));

        // the sale itself says how far it came, and its history says how
        as(Tokens.staff())
                .get("/api/v1/admin/box-office/sales/" + settledSale)
                .then()
                .statusCode(200)
                .body("reconciliationState", equalTo("SETTLED"))
                .body("reconciliationStage", equalTo("SETTLEMENTS"));
        as(Tokens.admin())
                .get(BASE + "/records/" + settledSale + "/history")
                .then()
                .statusCode(200)
                .body("recordType", equalTo("BOX_OFFICE_SALE"))
                .body("state", equalTo("SETTLED"))
                .body("entries.from", equalTo(List.of("UNRECONCILED", "MATCHED", "ACQUIRED")))
                .body("entries.to", equalTo(List.of("MATCHED", "ACQUIRED", "SETTLED")))
                .body("entries.stage", equalTo(List.of("TRANSACTIONS", "ACQUISITIONS", "SETTLEMENTS")))
                .body("entries.recordType", equalTo(List.of("BOX_OFFICE_SALE", "BOX_OFFICE_SALE", "BOX_OFFICE_SALE")))
                .body("entries[0].provider", equalTo(PROVIDER));
        assertEquals(
                3,
                Db.count(
                        "SELECT count(*) FROM recon_record_history WHERE record_id = ?::uuid"
                                + " AND record_type = 'BOX_OFFICE_SALE'",
                        settledSale));
        assertEquals("AMOUNT_MISMATCH", Reconciliation.saleState(mismatched));
        assertEquals("MISSING_AT_PG", Reconciliation.saleState(unlisted));
        // the top-up of the same key was not touched
        assertEquals(
                "UNRECONCILED",
                Db.text(
                        "SELECT reconciliation_state FROM topup WHERE provider = ? AND payment_key = ?",
                        PROVIDER,
                        settled));

        // the mismatches opened cases on the sales
        JsonPath mismatchCase = openCase(mismatched);
        assertEquals("BOX_OFFICE_SALE", mismatchCase.getString("recordType"));
        assertEquals(mismatchedSale, mismatchCase.getString("recordId"));
        assertEquals("AMOUNT_MISMATCH", mismatchCase.getString("category"));
        assertEquals("TRANSACTIONS", mismatchCase.getString("kind"));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM recon_case WHERE payment_key = ? AND status = 'OPEN'"
                                + " AND record_type = 'BOX_OFFICE_SALE' AND record_id = ?::uuid"
                                + " AND category = 'MISSING_AT_PG'",
                        unlisted,
                        unlistedSale));

        // a re-run of the same files changes nothing: no history, no second case
        reconcile(date);
        awaitEnd(date);
        assertEquals(3, Db.count("SELECT count(*) FROM recon_record_history WHERE record_id = ?::uuid", settledSale));
        assertEquals(
                1, Db.count("SELECT count(*) FROM recon_case WHERE payment_key = ? AND status = 'OPEN'", mismatched));
    }
}
