package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static support.Api.as;
import static support.Problems.assertProblem;

import application.shared.port.out.JobLock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.FailingOutbox;
import support.Tokens;
import support.Wallets;

/**
 * POST /api/v1/admin/schedules/{id}/cancel and its refund job: every paid seat refunded in full once,
 * open holds cancelled, no more sales, progress visible, a crash mid-job resumed without doubling.
 */
@QuarkusTest
class ScheduleCancellationContractTest {
    private static final long PRICE = 1000;
    private static final long FUNDS = 10_000_000; // what Api.buySeat charges
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** The lease the job's runs take (RunScheduleCancellationsService.LEASE). */
    private static final String LEASE = "schedule-cancellation:run";

    @Inject
    JobLock lock;

    @AfterEach
    void disarm() {
        FailingOutbox.disarm();
    }

    private static ExtractableResponse<Response> cancel(long scheduleId) {
        return as(Tokens.admin())
                .post("/api/v1/admin/schedules/" + scheduleId + "/cancel")
                .then()
                .extract();
    }

    private static ExtractableResponse<Response> progress(long scheduleId) {
        return as(Tokens.admin())
                .get("/api/v1/admin/schedules/" + scheduleId + "/cancellation")
                .then()
                .extract();
    }

    private static JsonPath awaitCompleted(long scheduleId) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            ExtractableResponse<Response> p = progress(scheduleId);
            assertEquals(200, p.statusCode(), p.asString());
            if ("COMPLETED".equals(p.jsonPath().getString("status"))) {
                return p.jsonPath();
            }
            runJob();
        }
        throw new AssertionError("the cancellation of schedule " + scheduleId + " did not complete within " + DEADLINE);
    }

    private static void runJob() {
        as(Tokens.admin())
                .post("/api/v1/admin/jobs/schedule-cancellation/run")
                .then()
                .statusCode(200);
    }

    private static List<Api.PaidSeat> buySeats(Api.ConcertFixture concert, int count) {
        List<Api.PaidSeat> seats = new ArrayList<>();
        for (int seat = 1; seat <= count; seat++) {
            seats.add(Api.buySeat(concert, seat));
        }
        return seats;
    }

    private static void assertRefundedOnceInFull(Api.PaidSeat seat, String jobId) {
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM refund WHERE reservation_id = ?::uuid AND reason = 'SCHEDULE_CANCELLED'"
                                + " AND fee = 0 AND amount = " + PRICE + " AND job_id = ?::uuid",
                        seat.reservationId(),
                        jobId));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM reservation WHERE id = ?::uuid AND status = 'REFUNDED'",
                        seat.reservationId()));
        assertEquals(FUNDS, Api.balance(seat.userId()), "paid once, refunded once, in full");
        Wallets.assertLedgerMatchesBalance(seat.userId());
    }

    @Test
    void cancellingRefundsEveryPaidSeatCancelsHoldsAndStopsSales() {
        Api.ConcertFixture concert = Api.createConcert(1, 6, PRICE);
        List<Api.PaidSeat> paid = buySeats(concert, 4);
        String holder = Tokens.newUserId();
        String holderToken = Api.enterActive(holder, concert.id());
        String held = Api.holdOk(holder, holderToken, concert.schedule(), 5);

        ExtractableResponse<Response> cancelled = cancel(concert.schedule());

        assertEquals(202, cancelled.statusCode(), cancelled.asString());
        assertEquals(
                "/api/v1/admin/schedules/" + concert.schedule() + "/cancellation",
                java.net.URI.create(cancelled.header("Location")).getPath());
        assertEquals(4, cancelled.jsonPath().getLong("total"));
        String jobId = cancelled.jsonPath().getString("jobId");
        JsonPath done = awaitCompleted(concert.schedule());
        assertEquals(jobId, done.getString("jobId"));
        assertEquals(4, done.getLong("total"));
        assertEquals(4, done.getLong("refunded"));
        assertEquals(0, done.getLong("remaining"));
        assertEquals(1, done.getLong("holdsCancelled"));
        assertNotNull(done.getString("startedAt"));
        assertNotNull(done.getString("finishedAt"));
        paid.forEach(seat -> assertRefundedOnceInFull(seat, jobId));
        assertEquals(1, Db.count("SELECT count(*) FROM reservation WHERE id = ?::uuid AND status = 'CANCELLED'", held));
        assertEquals(
                6,
                Db.count(
                        "SELECT count(*) FROM seat WHERE schedule_id = ? AND status = 'AVAILABLE'",
                        concert.schedule()));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND type = 'ScheduleCancelled'",
                        Long.toString(concert.schedule())));
        // the concert has no other schedule on sale: the holder's queue token was released
        ExtractableResponse<Response> token = Api.asUser(holder, holderToken)
                .get("/api/v1/queue/token")
                .then()
                .extract();
        assertFalse(
                token.statusCode() == 200 && "ACTIVE".equals(token.jsonPath().getString("status")), token.asString());

        // no longer sold, no longer listed
        String late = Tokens.newUserId();
        String lateToken = Api.enterActive(late, concert.id());
        assertProblem(
                Api.hold(late, lateToken, concert.schedule(), 6).response().then(), 409, "schedule-cancelled");
        Api.asUser(late, lateToken)
                .get("/api/v1/concerts/" + concert.id() + "/schedules")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        // cancelling again answers the same cancellation
        ExtractableResponse<Response> again = cancel(concert.schedule());
        assertEquals(202, again.statusCode());
        assertEquals(jobId, again.jsonPath().getString("jobId"));
        assertEquals("COMPLETED", again.jsonPath().getString("status"));
        // the owner cannot refund it again
        assertProblem(
                Api.refund(paid.getFirst().userId(), paid.getFirst().reservationId(), "k-" + UUID.randomUUID())
                        .response()
                        .then(),
                409,
                "refund-already-refunded");
    }

    @Test
    void aHoldKeepsItsQueueTokenWhenTheConcertHasAnotherScheduleOnSale() {
        Api.ConcertFixture concert = Api.createConcert(2, 2, PRICE);
        String fan = Tokens.newUserId();
        String token = Api.enterActive(fan, concert.id());
        Api.holdOk(fan, token, concert.schedule(), 1);

        assertEquals(202, cancel(concert.schedule()).statusCode());
        assertEquals(1, awaitCompleted(concert.schedule()).getLong("holdsCancelled"));

        // the same token still admits the fan to the other date
        assertEquals(201, Api.hold(fan, token, concert.scheduleIds().get(1), 1).statusCode());
        Api.asUser(fan, token)
                .get("/api/v1/concerts/" + concert.id() + "/schedules")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(concert.scheduleIds().get(1).intValue()));
    }

    @Test
    void aHoldOfACancelledScheduleCannotBePaid() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, PRICE);
        String fan = Tokens.newUserId();
        String held = Api.holdOk(fan, Api.enterActive(fan, concert.id()), concert.schedule(), 1);
        Api.charge(fan, PRICE);
        // the job is held back, so the hold is still live when the fan pays
        try (JobLock.Lease lease = lock.tryAcquire(LEASE, Duration.ofMinutes(1)).orElseThrow()) {
            assertEquals(202, cancel(concert.schedule()).statusCode());

            assertProblem(
                    Api.pay(fan, held, "p-" + UUID.randomUUID()).response().then(), 409, "schedule-cancelled");
            assertEquals(PRICE, Api.balance(fan));
            assertEquals(0, Db.count("SELECT count(*) FROM payment WHERE reservation_id = ?::uuid", held));
        }
        awaitCompleted(concert.schedule());
    }

    @Test
    void aJobThatCrashesHalfwayIsResumedAndRefundsEachSeatOnce() {
        Api.ConcertFixture concert = Api.createConcert(1, 9, PRICE);
        List<Api.PaidSeat> paid = buySeats(concert, 9);
        String jobId;
        try (JobLock.Lease lease = lock.tryAcquire(LEASE, Duration.ofMinutes(1)).orElseThrow()) {
            ExtractableResponse<Response> cancelled = cancel(concert.schedule());
            assertEquals(202, cancelled.statusCode());
            jobId = cancelled.jsonPath().getString("jobId");
        }
        // chunks of 4 seats (refund.cancellation.batch-size in tests), two events per seat: the 10th
        // event is in the second chunk, which rolls back
        FailingOutbox.armAfter(10);
        runJob();

        JsonPath halfway = progress(concert.schedule()).jsonPath();
        assertEquals("RUNNING", halfway.getString("status"));
        assertEquals(9, halfway.getLong("total"));
        assertEquals(4, halfway.getLong("refunded"));
        assertEquals(5, halfway.getLong("remaining"));
        assertEquals(4, Db.count("SELECT count(*) FROM refund WHERE job_id = ?::uuid", jobId));

        JsonPath done = awaitCompleted(concert.schedule());

        assertEquals(9, done.getLong("refunded"));
        assertEquals(0, done.getLong("remaining"));
        assertEquals(9, Db.count("SELECT count(*) FROM refund WHERE job_id = ?::uuid", jobId));
        paid.forEach(seat -> assertRefundedOnceInFull(seat, jobId));
        assertEquals(
                9,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'ReservationRefunded'"
                                + " AND payload->>'scheduleId' = ?",
                        Long.toString(concert.schedule())));
    }

    @Test
    void theRefundTableRefusesASecondRefundOfASeat() {
        Api.PaidSeat seat = Api.buySeat(Api.createConcert(1, 1, PRICE), 1);
        assertEquals(
                201,
                Api.refund(seat.userId(), seat.reservationId(), "k-" + UUID.randomUUID())
                        .statusCode());

        assertThrows(
                RuntimeException.class,
                () -> Db.update(
                        "INSERT INTO refund (id, reservation_id, user_id, amount, fee, reason, refunded_at)"
                                + " VALUES (gen_random_uuid(), ?::uuid, 'x', 0, 0, 'OWNER', now())",
                        seat.reservationId()));
        assertEquals(1, Db.count("SELECT count(*) FROM refund WHERE reservation_id = ?::uuid", seat.reservationId()));
    }

    @Test
    void unknownSchedulesNonAdminsAndAnonymousCallersAreRefused() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, PRICE);

        assertProblem(cancel(999_999_999L).response().then(), 404, "not-found");
        assertProblem(
                as(Tokens.admin()).post("/api/v1/admin/schedules/abc/cancel").then(), 404, "not-found");
        assertProblem(progress(999_999_999L).response().then(), 404, "not-found");
        assertProblem(progress(concert.schedule()).response().then(), 404, "not-found");
        assertProblem(
                Api.asUser(Tokens.newUserId())
                        .post("/api/v1/admin/schedules/" + concert.schedule() + "/cancel")
                        .then(),
                403);
        RestAssured.given()
                .contentType(ContentType.JSON)
                .post("/api/v1/admin/schedules/" + concert.schedule() + "/cancel")
                .then()
                .statusCode(401);
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM schedule WHERE id = ? AND cancelled_at IS NOT NULL", concert.schedule()));
    }
}
