package contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;
import static support.Problems.assertProblem;

import application.shared.port.out.JobLock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.AppServerStub;
import support.AppServerStubResource;
import support.Db;
import support.Management;
import support.Tokens;

/**
 * The sync of bookings to the membership app server (issue #17, docs/sync.md) against a real HTTP
 * stub of the app server started by the test: pages of new reservations, only members tracked, a
 * change sent again once, final records untracked after acknowledgement, failed pages retried with
 * the same batchId, one run at a time. The stub starts once for every {@code @QuarkusTest} (no
 * restart); other tests' reservations are synced too, so every check looks at this test's own.
 */
@QuarkusTest
@QuarkusTestResource(AppServerStubResource.class)
class PartnerSyncContractTest {
    private static final String PATH = "/api/v1/admin/jobs/partner-sync";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    JobLock lock;

    private AppServerStub stub;

    @BeforeEach
    void drain() {
        stub = AppServerStubResource.stub();
        stub.reset();
        // everything other tests booked is sent first, so each test starts from "nothing new"
        syncUntilQuiet();
        stub.reset();
    }

    @AfterEach
    void tidy() {
        stub.reset();
    }

    @Test
    void theFirstSyncSendsNewReservationsOnceInPagesAndTracksOnlyMembersThatCanStillChange() {
        Api.ConcertFixture concert = Api.createConcert(1, 40, 1000);
        List<String> members = new ArrayList<>();
        List<String> others = new ArrayList<>();
        int seat = 1;
        for (int u = 0; u < 3; u++) {
            members.addAll(holds(member(), concert, seat, 4));
            seat += 4;
            others.addAll(holds(Tokens.newUserId(), concert, seat, 4));
            seat += 4;
        }
        // a member's hold cancelled before the first sync: accepted, but final, so never tracked
        String memberUser = member();
        String cancelled = holds(memberUser, concert, seat, 1).getFirst();
        Api.asUser(memberUser)
                .delete("/api/v1/reservations/" + cancelled)
                .then()
                .statusCode(204);
        List<String> mine = new ArrayList<>(members);
        mine.addAll(others);
        mine.add(cancelled);
        awaitVisible(mine);

        JsonPath run = runOnce();
        assertEquals("RAN", run.getString("outcome"));
        assertEquals("COMPLETED", run.getString("run.status"));

        List<AppServerStub.Received> pages = newPagesWith(mine);
        // batch size 8 in tests: 25 records of this test take at least 4 pages
        assertTrue(pages.size() >= 4, "pages: " + pages.size());
        Map<String, Long> sends = sendsOf(mine, "NEW");
        mine.forEach(id -> assertEquals(1L, sends.getOrDefault(id, 0L), "times " + id + " was sent"));
        assertEquals(
                Set.copyOf(members), tracked(mine), "tracked: the members' holds, not the others', not the final one");
        for (AppServerStub.Received page : pages) {
            assertEquals(200, page.answered());
            JsonNode first = page.records().getFirst();
            for (String field : new String[] {
                "reservationId",
                "userId",
                "concertId",
                "scheduleId",
                "seatNumber",
                "price",
                "status",
                "createdAt",
                "updatedAt",
                "payment",
                "checkIn"
            }) {
                assertTrue(first.has(field), "a record has " + field + ": " + first);
            }
        }

        // nothing changed: the next run sends none of them again
        stub.reset();
        runOnce();
        assertEquals(Map.of(), sendsOf(mine, null));
    }

    @Test
    void aPaymentIsSentAgainOnceAndAFinalRecordLeavesTrackingOnceAcknowledged() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 1000);
        String user = member();
        List<String> ids = holds(user, concert, 1, 2);
        String paid = ids.get(0);
        String dropped = ids.get(1);
        awaitVisible(ids);
        runOnce();
        assertEquals(Set.copyOf(ids), tracked(ids));

        Api.charge(user, 5000);
        assertEquals(201, Api.pay(user, paid, UUID.randomUUID().toString()).statusCode());
        stub.reset();
        JsonPath run = runOnce();
        assertEquals(Map.of(paid, 1L), sendsOf(ids, "CHANGED"));
        JsonNode sent = recordSent(paid, "CHANGED");
        assertEquals("CONFIRMED", sent.get("status").asText());
        assertEquals(1000, sent.get("payment").get("amount").asLong());
        assertTrue(sent.get("checkIn").isNull());
        assertTrue(run.getLong("run.changed") >= 1 && run.getLong("run.acknowledged") >= 1, run.prettify());
        // paid but not checked in or refunded: still tracked, with the new snapshot
        assertEquals(Set.copyOf(ids), tracked(ids));
        assertEquals(
                "CONFIRMED",
                Db.text("SELECT snapshot->>'status' FROM partner_sync_tracked WHERE reservation_id = ?::uuid", paid));

        stub.reset();
        runOnce();
        assertEquals(Map.of(), sendsOf(ids, null), "an unchanged record is not sent again");

        // the hold is cancelled (final); the server does not acknowledge it the first time
        Api.asUser(user).delete("/api/v1/reservations/" + dropped).then().statusCode(204);
        stub.reset();
        stub.members(r -> !r.get("reservationId").asText().equals(dropped));
        runOnce();
        assertEquals(Map.of(dropped, 1L), sendsOf(ids, "CHANGED"));
        assertEquals(Set.copyOf(ids), tracked(ids), "not acknowledged: still tracked");

        stub.reset();
        runOnce();
        assertEquals(Map.of(dropped, 1L), sendsOf(ids, "CHANGED"), "sent again by the next run");
        assertEquals(Set.of(paid), tracked(ids), "acknowledged and final: no longer tracked");

        stub.reset();
        runOnce();
        assertEquals(Map.of(), sendsOf(ids, null));
    }

    @Test
    void aCheckInIsSentAgainOnceAndTheCheckedInRecordLeavesTrackingOnceAcknowledged() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 1000);
        String user = member();
        List<String> ids = holds(user, concert, 1, 1);
        String paid = ids.get(0);
        Api.charge(user, 5000);
        assertEquals(201, Api.pay(user, paid, UUID.randomUUID().toString()).statusCode());
        awaitVisible(ids);
        runOnce();
        assertEquals(Set.copyOf(ids), tracked(ids), "paid, not checked in: can still change");

        assertEquals(
                200, Api.checkIn(Tokens.staff(), Api.ticketCode(user, paid)).statusCode());
        stub.reset();
        runOnce();
        assertEquals(Map.of(paid, 1L), sendsOf(ids, "CHANGED"));
        JsonNode sent = recordSent(paid, "CHANGED");
        assertTrue(sent.get("checkIn").hasNonNull("checkedInAt"), sent.toString());
        assertEquals(Set.of(), tracked(ids), "checked in is final: acknowledged, no longer tracked");

        stub.reset();
        runOnce();
        assertEquals(Map.of(), sendsOf(ids, null), "a final record is not sent again");
    }

    @Test
    void aRefundIsSentAgainOnceAndTheRefundedRecordLeavesTrackingOnceAcknowledged() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 1000);
        String user = member();
        List<String> ids = holds(user, concert, 1, 1);
        String paid = ids.get(0);
        Api.charge(user, 5000);
        assertEquals(201, Api.pay(user, paid, UUID.randomUUID().toString()).statusCode());
        awaitVisible(ids);
        runOnce();
        assertEquals(Set.copyOf(ids), tracked(ids), "paid, not refunded: can still change");
        assertTrue(recordSent(paid, "NEW").get("payment").get("refundedAt").isNull());

        assertEquals(201, Api.refund(user, paid, UUID.randomUUID().toString()).statusCode());
        stub.reset();
        runOnce();
        assertEquals(Map.of(paid, 1L), sendsOf(ids, "CHANGED"), "a refund is sent again exactly once");
        JsonNode sent = recordSent(paid, "CHANGED");
        assertEquals("REFUNDED", sent.get("status").asText());
        assertEquals(1000, sent.get("payment").get("amount").asLong());
        assertTrue(sent.get("payment").hasNonNull("refundedAt"), sent.toString());
        assertEquals(Set.of(), tracked(ids), "refunded is final: acknowledged, no longer tracked");

        stub.reset();
        runOnce();
        assertEquals(Map.of(), sendsOf(ids, null), "a final record is not sent again");
    }

    @Test
    void aPageAnswered500IsSentAgainByTheNextRunWithTheSameBatchIdAndNothingIsDoubled() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 1000);
        List<String> ids = holds(member(), concert, 1, 3);
        awaitVisible(ids);
        stub.failNext(2, 500); // the first attempt and its retry

        JsonPath failed = runOnce();
        assertEquals("FAILED", failed.getString("run.status"));
        assertEquals(1, failed.getInt("run.failedPages"));
        assertNotNull(failed.getString("run.failure"));
        assertEquals(Set.of(), tracked(ids), "nothing tracked from a failed page");
        List<AppServerStub.Received> refused = newPagesWith(ids);
        assertEquals(2, refused.size(), "the attempt and its retry");
        String batchId = refused.getFirst().batchId();
        assertEquals(batchId, refused.get(1).batchId());
        assertTrue(refused.stream().allMatch(p -> p.answered() == 500));

        stub.reset();
        runOnce();
        List<AppServerStub.Received> resent = newPagesWith(ids);
        assertEquals(1, resent.size());
        assertEquals(batchId, resent.getFirst().batchId(), "the same page, the same batchId");
        assertEquals(Map.of(ids.get(0), 1L, ids.get(1), 1L, ids.get(2), 1L), sendsOf(ids, "NEW"));
        assertEquals(Set.copyOf(ids), tracked(ids));
    }

    @Test
    void aPageThatTimesOutIsSentAgainByTheNextRunWithTheSameBatchId() {
        Api.ConcertFixture concert = Api.createConcert(1, 4, 1000);
        List<String> ids = holds(member(), concert, 1, 2);
        awaitVisible(ids);
        stub.slowNext(2, Duration.ofMillis(1500)); // the client waits 1 s in tests

        JsonPath failed = runOnce();
        assertEquals("FAILED", failed.getString("run.status"));
        assertEquals(Set.of(), tracked(ids));
        String batchId = newPagesWith(ids).getFirst().batchId();

        stub.reset();
        runOnce();
        List<AppServerStub.Received> resent = newPagesWith(ids);
        assertEquals(1, resent.size());
        assertEquals(batchId, resent.getFirst().batchId());
        assertEquals(Set.copyOf(ids), tracked(ids));
    }

    @Test
    void twoTriggersAtOnceRunItOnce() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 1000);
        List<String> ids = holds(member(), concert, 1, 1);
        awaitVisible(ids);
        stub.holdNext();
        CompletableFuture<JsonPath> first = CompletableFuture.supplyAsync(this::runOnce);
        stub.awaitHeld(DEADLINE);
        JsonPath second = runOnce();
        assertEquals(false, second.getBoolean("ran"));
        assertEquals("RUNNING_ELSEWHERE", second.getString("outcome"));
        stub.release();
        assertEquals("RAN", first.get().getString("outcome"));
        long received = stub.received().stream()
                .flatMap(p -> p.reservationIds().stream())
                .filter(ids::contains)
                .count();
        assertEquals(1, received, "the record was sent once, by the one run");
        assertEquals(Set.copyOf(ids), tracked(ids));

        // a lease held elsewhere (another instance) has the same effect
        Optional<JobLock.Lease> elsewhere = lock.tryAcquire("partner-sync:run", Duration.ofSeconds(30));
        assertTrue(elsewhere.isPresent());
        try (JobLock.Lease held = elsewhere.get()) {
            assertEquals("RUNNING_ELSEWHERE", runOnce().getString("outcome"));
        }
    }

    @Test
    void theLastRunsAreListedForAdminsOnly() {
        runOnce();
        JsonPath runs = as(Tokens.admin())
                .get(PATH + "?limit=2")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> list = runs.getList("runs");
        assertFalse(list.isEmpty());
        assertTrue(list.size() <= 2);
        Map<String, Object> latest = list.getFirst();
        for (String field : new String[] {
            "id",
            "requestedBy",
            "status",
            "startedAt",
            "finishedAt",
            "durationMs",
            "read",
            "sent",
            "accepted",
            "tracked",
            "changed",
            "acknowledged",
            "untracked",
            "failedPages"
        }) {
            assertTrue(latest.containsKey(field), "a run has " + field + ": " + latest);
        }
        assertEquals("COMPLETED", latest.get("status"));

        assertProblem(as(Tokens.admin()).get(PATH + "?limit=0").then(), 400);
        assertProblem(as(Tokens.admin()).get(PATH + "?limit=x").then(), 400);
        as(Tokens.user(Tokens.newUserId())).get(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
        as(Tokens.user(Tokens.newUserId())).post(PATH).then().statusCode(403);
    }

    @Test
    void eachRunIsCountedInTheMetrics() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 1000);
        List<String> ids = holds(member(), concert, 1, 1);
        awaitVisible(ids);
        runOnce();
        String metrics = Management.given()
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String name : new String[] {
            "partner_sync_records_total{stage=\"sent\"}",
            "partner_sync_records_total{stage=\"tracked\"}",
            "partner_sync_failed_pages_total",
            "partner_sync_runs_seconds_count{status=\"completed\"}",
            "partner_sync_tracked "
        }) {
            assertTrue(metrics.contains(name), name + " in /q/metrics");
        }
    }

    @Test
    void theGenericJobTriggerRunsItToo() {
        given().header("Job-Trigger-Secret", "test-trigger-secret")
                .post("/api/v1/admin/jobs/partner-sync/run")
                .then()
                .statusCode(200)
                .body("job", equalTo("partner-sync"))
                .body("ran", equalTo(true));
    }

    // --- helpers ---

    private static String member() {
        return AppServerStub.MEMBER_PREFIX + UUID.randomUUID();
    }

    private static List<String> holds(String user, Api.ConcertFixture concert, int firstSeat, int count) {
        String token = Api.enterActive(user, concert.id());
        List<String> ids = new ArrayList<>();
        for (int seat = firstSeat; seat < firstSeat + count; seat++) {
            ids.add(Api.holdOk(user, token, concert.schedule(), seat));
        }
        return ids;
    }

    private JsonPath runOnce() {
        return as(Tokens.admin()).post(PATH).then().statusCode(200).extract().jsonPath();
    }

    /** Runs until a run reads nothing new and finds nothing changed (other tests' bookings included). */
    private void syncUntilQuiet() {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            JsonPath run = runOnce();
            if ("RAN".equals(run.getString("outcome"))
                    && run.getInt("run.failedPages") == 0
                    && run.getLong("run.sent") == 0) {
                return;
            }
        }
        throw new AssertionError("the sync did not settle within " + DEADLINE);
    }

    /**
     * Waits until the reservations can be read as new: their inserting transactions are older than
     * every transaction still running in the cluster (another run's long write delays that, briefly).
     */
    private static void awaitVisible(List<String> ids) {
        Instant deadline = Instant.now().plus(DEADLINE);
        String list = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        while (Db.count("SELECT count(*) FROM reservation WHERE id IN (" + list
                        + ") AND sync_xid < pg_snapshot_xmin(pg_current_snapshot())")
                < ids.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("reservations not settled within " + DEADLINE);
            }
            Thread.onSpinWait();
        }
    }

    private Set<String> tracked(List<String> ids) {
        Set<String> tracked = new HashSet<>();
        for (String id : ids) {
            if (Db.count("SELECT count(*) FROM partner_sync_tracked WHERE reservation_id = ?::uuid", id) == 1) {
                tracked.add(id);
            }
        }
        return tracked;
    }

    private List<AppServerStub.Received> newPagesWith(List<String> ids) {
        return stub.received().stream()
                .filter(p -> p.section().equals("NEW"))
                .filter(p -> p.reservationIds().stream().anyMatch(ids::contains))
                .toList();
    }

    /** How often each of {@code ids} was received with a 200 answer, in {@code section} (null: any). */
    private Map<String, Long> sendsOf(List<String> ids, String section) {
        return stub.received().stream()
                .filter(p ->
                        p.answered() == 200 && (section == null || p.section().equals(section)))
                .flatMap(p -> p.reservationIds().stream())
                .filter(ids::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    private JsonNode recordSent(String id, String section) {
        return stub.received().stream()
                .filter(p -> p.section().equals(section))
                .flatMap(p -> p.records().stream())
                .filter(r -> r.get("reservationId").asText().equals(id))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
