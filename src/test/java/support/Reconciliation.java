package support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Drops PG files into this run's inbox, books top-ups directly, and waits for runs to end. */
public final class Reconciliation {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final AtomicInteger NEXT_DAY = new AtomicInteger();

    private Reconciliation() {}

    /** A business date no other test of this run uses (past dates, so their files may exist). */
    public static LocalDate freshDate() {
        return LocalDate.of(2025, 1, 1).plusDays(NEXT_DAY.incrementAndGet() * 3L);
    }

    /** A payment key unique to this test run. */
    public static String key(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void file(String provider, String fileName, String... lines) {
        try {
            Path dir = Files.createDirectories(
                    TestInfrastructure.reconciliationInbox().resolve(provider));
            Files.write(dir.resolve(fileName), List.of(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A top-up as our books would hold it, created at noon (Seoul) of {@code day}. */
    public static String topUp(String provider, String paymentKey, long amount, String status, LocalDate day) {
        String user = Tokens.newUserId();
        Instant at = day.atTime(12, 0).atZone(SEOUL).toInstant();
        Db.update(
                """
                INSERT INTO topup (id, user_id, provider, payment_key, order_id, amount, status, transaction_id,
                                   approved_at, created_at, updated_at)
                VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'APPROVED' THEN gen_random_uuid() END,
                        CASE WHEN ? = 'APPROVED' THEN ?::timestamptz END, ?::timestamptz, ?::timestamptz)
                """,
                user,
                provider,
                paymentKey,
                "order-" + paymentKey,
                amount,
                status,
                status,
                status,
                at.toString(),
                at.toString(),
                at.toString());
        return user;
    }

    /**
     * A box-office sale (D61) through the API: one seat of a new concert priced {@code amount}, paid on
     * a terminal of {@code provider} with approval {@code approvalNo} at noon (Seoul) of {@code day}.
     * Returns the sale's id.
     */
    public static String boxOfficeSale(String provider, String approvalNo, long amount, LocalDate day) {
        Api.ConcertFixture concert = Api.createConcert(1, 1, amount);
        Instant at = day.atTime(12, 0).atZone(SEOUL).toInstant();
        return Api.as(Tokens.staff())
                .contentType("application/json")
                .header("Idempotency-Key", "sale-" + UUID.randomUUID())
                .body("{\"scheduleId\":" + concert.schedule() + ",\"seatNumbers\":[1],\"terminal\":{\"provider\":\""
                        + provider + "\",\"approvalNo\":\"" + approvalNo + "\",\"terminalId\":\"T0001\","
                        + "\"approvedAt\":\"" + at + "\",\"amount\":" + amount + "}}")
                .post("/api/v1/admin/box-office/sales")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The box-office sale's reconciliation state, by its approval number. */
    public static String saleState(String approvalNo) {
        return Db.text("SELECT reconciliation_state FROM box_office_sale WHERE approval_no = ?", approvalNo);
    }

    /** Marks a top-up as acquired by an earlier day's run (its settlement may then come). */
    public static void acquired(String paymentKey) {
        Db.update(
                "UPDATE topup SET reconciliation_state = 'ACQUIRED', reconciliation_stage = 'ACQUISITIONS'"
                        + " WHERE payment_key = ?",
                paymentKey);
    }

    /** The top-up's reconciliation state. */
    public static String state(String paymentKey) {
        return Db.text("SELECT reconciliation_state FROM topup WHERE payment_key = ?", paymentKey);
    }

    /** The top-up's id (the reconciled record's id). */
    public static String recordId(String paymentKey) {
        return Db.text("SELECT id::text FROM topup WHERE payment_key = ?", paymentKey);
    }

    public static String start(LocalDate date) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"date\": \"" + date + "\"}")
                .post("/api/v1/admin/reconciliations")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
    }

    /** Polls the report until the date's latest run has ended (30 s deadline). */
    public static JsonPath awaitEnd(LocalDate date) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath report = report(date);
            if (!"RUNNING".equals(report.getString("status"))) {
                return report;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // between polls, not a wait for a result
        }
        fail("the reconciliation of " + date + " did not end within 30 s");
        return null;
    }

    public static JsonPath report(LocalDate date) {
        return given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/admin/reconciliations/" + date)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** {@code [count, amount]} of a category in one step of the report. */
    public static List<Long> tally(JsonPath report, String provider, String kind, String category) {
        String step = "steps.find { it.provider == '" + provider + "' && it.kind == '" + kind + "' }";
        return List.of(
                report.getLong(step + ".summary.categories." + category + ".count"),
                report.getLong(step + ".summary.categories." + category + ".amount"));
    }

    public static JsonPath step(JsonPath report, String provider, String kind) {
        return new JsonPath(report.prettify())
                .setRootPath("steps.find { it.provider == '" + provider + "' && it.kind == '" + kind + "' }");
    }
}
