package contract;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;
import static support.Problems.assertProblem;
import static support.Reconciliation.awaitEnd;
import static support.Reconciliation.tally;
import static support.Reconciliation.topUp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Db;
import support.Reconciliation;
import support.TestInfrastructure;
import support.Tokens;

/**
 * The three new layouts driven from their sample files (scripts/samples/reconciliation), the chain
 * transaction → acquisition → settlement, record states and their history, provider isolation and
 * re-running one provider or a range of dates (issue #18, decisions D54–D56).
 */
@QuarkusTest
@TestProfile(ReconciliationChainContractTest.MoreProviders.class)
class ReconciliationChainContractTest {
    private static final String BASE = "/api/v1/admin/reconciliations";
    private static final Path SAMPLES = Path.of("scripts/samples/reconciliation");
    private static final String SAMPLE_DAY = "20261121";

    /** The providers of the samples besides toss and kcp (whose files these tests never drop). */
    public static class MoreProviders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "reconciliation.providers.ksnet.fee-bps", "250",
                    "reconciliation.providers.welcome.layout", "welcome-online",
                    "reconciliation.providers.welcome.fee-bps", "220",
                    "reconciliation.providers.welcome-offline.fee-bps", "200",
                    "reconciliation.max-range-days", "5");
        }
    }

    /**
     * Copies a sample directory into the inbox for {@code date}, its payment keys made unique by
     * replacing {@code SMPL} with {@code token} (same length: fixed-width records keep their size).
     */
    static void dropSample(String sampleDir, String provider, LocalDate date, String token) {
        String basic = date.toString().replace("-", "");
        try (var files = Files.list(SAMPLES.resolve(sampleDir))) {
            Path inbox = Files.createDirectories(
                    TestInfrastructure.reconciliationInbox().resolve(provider));
            for (Path sample : files.toList()) {
                // ISO-8859-1 maps every byte to one char and back: EUC-KR bytes survive the replacement
                String bytes = new String(Files.readAllBytes(sample), StandardCharsets.ISO_8859_1)
                        .replace(SAMPLE_DAY, basic)
                        .replace("SMPL", token);
                Files.write(
                        inbox.resolve(sample.getFileName().toString().replace(SAMPLE_DAY, basic)),
                        bytes.getBytes(StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token() {
        return UUID.randomUUID().toString().substring(0, 4);
    }

    /** Our books for the samples of one date: ksnet 0001 matches, 0003 is booked 31,000 against the PG's 30,000. */
    record Books(String ksMatched, String ksMismatched, String welcomeMatched, String offlineMatched) {}

    static Books books(LocalDate date, String token) {
        String ks1 = "ks_" + token + "_0001", ks3 = "ks_" + token + "_0003";
        String wo1 = "wo_" + token + "_0001", off1 = token + "00000001";
        topUp("ksnet", ks1, 10_000, "APPROVED", date);
        topUp("ksnet", ks3, 31_000, "APPROVED", date);
        topUp("welcome", wo1, 12_000, "APPROVED", date);
        // welcome-offline files are terminal sales: reconciled against box-office sales (D62)
        Reconciliation.boxOfficeSale("welcome-offline", off1, 55_000, date);
        Reconciliation.boxOfficeSale("welcome-offline", token + "00000002", 66_000, date);
        return new Books(ks1, ks3, wo1, off1);
    }

    static LocalDate dayWithSamples(String token) {
        LocalDate date = Reconciliation.freshDate();
        dropSample("ksnet", "ksnet", date, token);
        dropSample("welcome", "welcome", date, token);
        dropSample("welcome-offline", "welcome-offline", date, token);
        return date;
    }

    @Test
    void everyLayoutIsReconciledFromItsSampleFilesThroughTheChain() {
        String token = token();
        LocalDate date = dayWithSamples(token);
        Books books = books(date, token);

        Reconciliation.start(date);
        JsonPath report = awaitEnd(date);

        // KSNET (fixed-width, EUC-KR): 0001 matched, acquired, settled; 0002 approved then cancelled and
        // never credited (matched); 0003 booked with another amount: a mismatch, so its acquisition is
        // held back and it is not acquired
        assertEquals(
                "COMPLETED",
                Reconciliation.step(report, "ksnet", "TRANSACTIONS").getString("status"));
        assertEquals(List.of(2L, 30_000L), tally(report, "ksnet", "TRANSACTIONS", "MATCHED"));
        assertEquals(List.of(1L, 30_000L), tally(report, "ksnet", "TRANSACTIONS", "AMOUNT_MISMATCH"));
        assertEquals(List.of(1L, 10_000L), tally(report, "ksnet", "ACQUISITIONS", "MATCHED"));
        assertEquals(List.of(1L, 30_000L), tally(report, "ksnet", "ACQUISITIONS", "NOT_MATCHED"));
        assertEquals(List.of(1L, 10_000L), tally(report, "ksnet", "SETTLEMENTS", "MATCHED"));
        assertEquals(250, Reconciliation.step(report, "ksnet", "SETTLEMENTS").getLong("summary.fees"));
        assertEquals("SETTLED", Reconciliation.state(books.ksMatched()));
        assertEquals("AMOUNT_MISMATCH", Reconciliation.state(books.ksMismatched()));
        // Welcome online (CSV)
        assertEquals(List.of(2L, 25_000L), tally(report, "welcome", "TRANSACTIONS", "MATCHED"));
        assertEquals(List.of(1L, 12_000L), tally(report, "welcome", "SETTLEMENTS", "MATCHED"));
        assertEquals("SETTLED", Reconciliation.state(books.welcomeMatched()));
        // Welcome offline (fixed-width, EUC-KR): 0002 matched but never acquired stays MATCHED
        assertEquals(List.of(3L, 198_000L), tally(report, "welcome-offline", "TRANSACTIONS", "MATCHED"));
        assertEquals(List.of(1L, 55_000L), tally(report, "welcome-offline", "SETTLEMENTS", "MATCHED"));
        assertEquals("SETTLED", Reconciliation.saleState(books.offlineMatched()));
        assertEquals("MATCHED", Reconciliation.saleState(token + "00000002"));

        // toss and kcp have no files that day: only their chains fail, and their later stages never ran
        assertEquals("FAILED", report.getString("status"));
        assertEquals(
                "FAILED", Reconciliation.step(report, "toss", "TRANSACTIONS").getString("status"));
        assertTrue(Reconciliation.step(report, "toss", "ACQUISITIONS")
                .getString("failureReason")
                .startsWith("not run: the TRANSACTIONS stage of toss failed"));
        assertEquals("FAILED", Reconciliation.step(report, "kcp", "SETTLEMENTS").getString("status"));
        assertEquals(
                "COMPLETED",
                Reconciliation.step(report, "welcome", "SETTLEMENTS").getString("status"));

        // the items name our record and the state they moved it to
        as(Tokens.admin())
                .queryParam("provider", "ksnet")
                .queryParam("category", "NOT_MATCHED")
                .get(BASE + "/" + date + "/items")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].recordId", equalTo(Reconciliation.recordId(books.ksMismatched())))
                .body("items[0].stateTo", equalTo(null));
    }

    @Test
    void historyHasOneRowPerRealChangeAndAReRunAddsOnlyWhatChanged() {
        String token = token();
        LocalDate date = dayWithSamples(token);
        Books books = books(date, token);
        Reconciliation.start(date);
        awaitEnd(date);
        String matched = Reconciliation.recordId(books.ksMatched());
        String mismatched = Reconciliation.recordId(books.ksMismatched());

        as(Tokens.admin())
                .get(BASE + "/records/" + matched + "/history")
                .then()
                .statusCode(200)
                .body("recordType", equalTo("TOPUP"))
                .body("state", equalTo("SETTLED"))
                .body("entries.from", equalTo(List.of("UNRECONCILED", "MATCHED", "ACQUIRED")))
                .body("entries.to", equalTo(List.of("MATCHED", "ACQUIRED", "SETTLED")))
                .body("entries.stage", equalTo(List.of("TRANSACTIONS", "ACQUISITIONS", "SETTLEMENTS")))
                .body("entries[0].provider", equalTo("ksnet"))
                .body("entries[0].businessDate", equalTo(date.toString()))
                .body("next", equalTo(null));

        // the same files again: every state is rewritten to what it is, so no history is added
        String second = Reconciliation.start(date);
        awaitEnd(date);
        assertEquals(3, history(matched));
        assertEquals(1, history(mismatched));
        assertEquals(0, Db.count("SELECT count(*) FROM recon_record_history WHERE run_id = ?::uuid", second));

        // our books corrected: the next re-run moves the record on, and records exactly those changes
        Db.update("UPDATE topup SET amount = 30000 WHERE payment_key = ?", books.ksMismatched());
        String third = Reconciliation.start(date);
        awaitEnd(date);
        assertEquals("ACQUIRED", Reconciliation.state(books.ksMismatched()));
        assertEquals(3, history(mismatched));
        assertEquals(2, Db.count("SELECT count(*) FROM recon_record_history WHERE run_id = ?::uuid", third));
        as(Tokens.admin())
                .queryParam("limit", 2)
                .get(BASE + "/records/" + mismatched + "/history")
                .then()
                .statusCode(200)
                .body("entries.to", equalTo(List.of("AMOUNT_MISMATCH", "MATCHED")))
                .body("entries[1].runId", equalTo(third))
                .body("next", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aBrokenTrailerFailsItsProviderLoudlyAndTheProviderIsReRunAlone() {
        String token = token();
        LocalDate date = dayWithSamples(token);
        Books books = books(date, token);
        dropSample("broken/ksnet-broken-trailer", "ksnet", date, token);

        Reconciliation.start(date);
        JsonPath failed = awaitEnd(date);
        JsonPath transactions = Reconciliation.step(failed, "ksnet", "TRANSACTIONS");
        assertEquals("FAILED", transactions.getString("status"));
        assertTrue(
                transactions.getString("failureReason").contains("the trailer (line 6) disagrees with the records"),
                transactions.getString("failureReason"));
        assertTrue(failed.getString("failureReason").contains("sum of amount"), failed.getString("failureReason"));
        assertEquals("UNRECONCILED", Reconciliation.state(books.ksMatched()));
        // nothing of the file was used, and the other providers were reconciled
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM recon_item WHERE provider = 'ksnet' AND run_id = ?::uuid",
                        failed.getString("runId")));
        assertEquals("SETTLED", Reconciliation.state(books.welcomeMatched()));
        String welcomeRun =
                Reconciliation.step(failed, "welcome", "SETTLEMENTS").getString("runId");

        // the PG resends the file: re-run ksnet alone; the date's report combines both runs
        dropSample("ksnet", "ksnet", date, token);
        String rerun = as(Tokens.admin())
                .contentType("application/json")
                .body("{\"date\": \"" + date + "\", \"provider\": \"ksnet\"}")
                .post(BASE)
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
        JsonPath report = awaitEnd(date);
        assertEquals(rerun, report.getString("runId"));
        assertEquals("ksnet", report.getString("provider"));
        assertEquals("COMPLETED", report.getString("status"));
        assertEquals(rerun, Reconciliation.step(report, "ksnet", "SETTLEMENTS").getString("runId"));
        assertEquals(
                welcomeRun,
                Reconciliation.step(report, "welcome", "SETTLEMENTS").getString("runId"));
        assertEquals(List.of(1L, 12_000L), tally(report, "welcome", "SETTLEMENTS", "MATCHED"));
        assertEquals("SETTLED", Reconciliation.state(books.ksMatched()));
        // the items of the date: ksnet's from the re-run, the others' from the first run
        as(Tokens.admin())
                .queryParam("category", "MATCHED")
                .queryParam("kind", "SETTLEMENTS")
                .get(BASE + "/" + date + "/items")
                .then()
                .statusCode(200)
                .body("items.provider", containsInAnyOrder("welcome", "welcome-offline", "ksnet"))
                .body("items[2].provider", equalTo("ksnet")); // the re-run's items come after the first run's
    }

    @Test
    void aTruncatedFileAndAFileInAnotherEncodingFailLoudly() {
        String token = token();
        LocalDate truncatedDay = dayWithSamples(token);
        dropSample("broken/ksnet-truncated", "ksnet", truncatedDay, token);
        LocalDate utf8Day = dayWithSamples(token());
        dropSample("broken/ksnet-utf8", "ksnet", utf8Day, token());

        start(truncatedDay, "ksnet");
        JsonPath truncated = Reconciliation.step(awaitEnd(truncatedDay), "ksnet", "TRANSACTIONS");
        assertEquals("FAILED", truncated.getString("status"));
        assertTrue(
                truncated.getString("failureReason").contains("truncated: no trailer record ('T') after line 4"),
                truncated.getString("failureReason"));

        start(utf8Day, "ksnet");
        JsonPath utf8 = Reconciliation.step(awaitEnd(utf8Day), "ksnet", "TRANSACTIONS");
        assertEquals("FAILED", utf8.getString("status"));
        assertTrue(utf8.getString("failureReason").contains("is not valid EUC-KR"), utf8.getString("failureReason"));
        assertTrue(Reconciliation.step(awaitEnd(utf8Day), "ksnet", "ACQUISITIONS")
                .getString("failureReason")
                .startsWith("not run"));
    }

    @Test
    void aRangeRunsEachDateOnceInOrder() {
        LocalDate first = Reconciliation.freshDate();
        for (int i = 0; i < 3; i++) {
            String token = token();
            dropSample("ksnet", "ksnet", first.plusDays(i), token);
            topUp("ksnet", "ks_" + token + "_0001", 10_000, "APPROVED", first.plusDays(i));
        }

        as(Tokens.admin())
                .contentType("application/json")
                .body("{\"from\": \"" + first + "\", \"to\": \"" + first.plusDays(2) + "\"}")
                .post(BASE)
                .then()
                .statusCode(202)
                .body(
                        "dates.date",
                        equalTo(List.of(
                                first.toString(),
                                first.plusDays(1).toString(),
                                first.plusDays(2).toString())))
                .body("dates[0].report", equalTo(BASE + "/" + first));

        for (int i = 0; i < 3; i++) {
            JsonPath report = awaitEventually(first.plusDays(i));
            assertEquals(List.of(1L, 10_000L), tally(report, "ksnet", "SETTLEMENTS", "MATCHED"));
            assertNull(report.getString("provider"));
        }
        assertEquals(
                3,
                Db.count(
                        "SELECT count(*) FROM recon_run WHERE business_date BETWEEN ?::date AND ?::date",
                        first.toString(),
                        first.plusDays(2).toString()));
        // in order: each date started after the previous one finished
        assertEquals(0, Db.count("""
                        SELECT count(*) FROM recon_run a JOIN recon_run b ON b.business_date = a.business_date + 1
                        WHERE a.business_date BETWEEN ?::date AND ?::date AND b.started_at < a.finished_at""", first.toString(), first.plusDays(2).toString()));
    }

    @Test
    void badRangesAndProvidersAreProblems() {
        LocalDate day = Reconciliation.freshDate();
        for (String body : List.of(
                "{\"from\": \"" + day + "\", \"to\": \"" + day.minusDays(1) + "\"}",
                "{\"from\": \"" + day + "\", \"to\": \"" + day.plusDays(5) + "\"}",
                "{\"from\": \"" + day + "\"}",
                "{\"from\": \"" + day + "\", \"to\": \"" + day + "\", \"date\": \"" + day + "\"}",
                "{\"date\": \"" + day + "\", \"provider\": \"nope\"}")) {
            assertProblem(
                    as(Tokens.admin())
                            .contentType("application/json")
                            .body(body)
                            .post(BASE)
                            .then(),
                    400);
        }
        assertProblem(
                        as(Tokens.admin())
                                .contentType("application/json")
                                .body("{\"from\": \"" + day + "\", \"to\": \"" + day.plusDays(5) + "\"}")
                                .post(BASE)
                                .then(),
                        400)
                .body("detail", containsString("reconciliation.max-range-days"));
        assertEquals(0, Db.count("SELECT count(*) FROM recon_run WHERE business_date = ?::date", day.toString()));
        assertProblem(
                as(Tokens.admin())
                        .get(BASE + "/records/" + UUID.randomUUID() + "/history")
                        .then(),
                404);
        assertProblem(
                as(Tokens.admin()).get(BASE + "/records/not-a-uuid/history").then(), 404);
        assertProblem(
                as(Tokens.admin())
                        .queryParam("limit", "0")
                        .get(BASE + "/records/" + UUID.randomUUID() + "/history")
                        .then(),
                400);
        assertProblem(
                as(Tokens.user(Tokens.newUserId()))
                        .get(BASE + "/records/" + UUID.randomUUID() + "/history")
                        .then(),
                403);
    }

    private static void start(LocalDate date, String provider) {
        as(Tokens.admin())
                .contentType("application/json")
                .body("{\"date\": \"" + date + "\", \"provider\": \"" + provider + "\"}")
                .post(BASE)
                .then()
                .statusCode(202);
    }

    private static long history(String recordId) {
        return Db.count("SELECT count(*) FROM recon_record_history WHERE record_id = ?::uuid", recordId);
    }

    /** A range's date may not have started yet: wait for its report to exist, then for its end. */
    private static JsonPath awaitEventually(LocalDate date) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Db.count("SELECT count(*) FROM recon_run WHERE business_date = ?::date", date.toString()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the range never started " + date);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // between polls
        }
        return awaitEnd(date);
    }
}
