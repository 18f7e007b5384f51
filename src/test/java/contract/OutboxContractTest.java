package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;
import static support.Problems.assertProblem;

import adapters.webhook.WebhookSignature;
import application.events.port.in.RelayOutboxUseCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.event.BookingEvents;
import domain.event.DomainEvent;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.Money;
import domain.shared.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.EventReceiver;
import support.FailingOutbox;
import support.Http;
import support.TestClock;
import support.TestInfrastructure;
import support.Tokens;

/** Events reach the data platform through the outbox: never lost, never in the booking's way. */
@QuarkusTest
class OutboxContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RelayOutboxUseCase relay;

    private final EventReceiver receiver = TestInfrastructure.eventReceiver();

    @BeforeEach
    void drainWhatOtherTestsLeft() {
        receiver.acceptAll();
        for (int i = 0; i < 1000 && relay.relayOnce().claimed() > 0; i++) {
            // deliver the backlog of earlier tests
        }
        receiver.clear();
    }

    @AfterEach
    void reset() throws Exception {
        receiver.acceptAll();
        TestClock.reset();
    }

    private static List<String> eventIds(String aggregateId) {
        List<String> ids = new ArrayList<>();
        for (long i = 0, n = Db.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ?", aggregateId);
                i < n;
                i++) {
            ids.add(Db.text(
                    "SELECT id::text FROM outbox_event WHERE aggregateid = ? ORDER BY seq OFFSET ? LIMIT 1",
                    aggregateId,
                    i));
        }
        return ids;
    }

    private static String status(String eventId) {
        return Db.text("SELECT status FROM outbox_event WHERE id = ?::uuid", eventId);
    }

    private static String charge(String user, long amount) {
        Api.charge(user, amount);
        List<String> ids = eventIds(user);
        return ids.getLast();
    }

    private void relayUntilIdle() {
        for (int i = 0; i < 100 && relay.relayOnce().claimed() > 0; i++) {
            // keep going
        }
    }

    @Test
    void aStateChangeAndItsEventCommitOrRollBackTogether() {
        String user = Tokens.newUserId();
        FailingOutbox.armOnce();

        Api.asUser(user)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json")
                .body("{\"amount\":5000}")
                .post("/api/v1/wallet/charges")
                .then()
                .statusCode(500);

        assertEquals(0, Db.count("SELECT count(*) FROM wallet WHERE user_id = ?", user));
        assertEquals(0, Db.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ?", user));

        Api.charge(user, 5000);
        assertEquals(
                1,
                Db.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND type = 'WalletCharged'", user));
        assertEquals("5000", Db.text("SELECT payload->>'amount' FROM outbox_event WHERE aggregateid = ?", user));
    }

    @Test
    void everyBookingStepRecordsItsEvent() {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 1000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        String paid = Api.holdOk(user, token, concert.schedule(), 1);
        String cancelled = Api.holdOk(user, token, concert.schedule(), 2);
        Api.asUser(user).delete("/api/v1/reservations/" + cancelled).then().statusCode(204);
        Api.charge(user, 5000);
        assertEquals(201, Api.pay(user, paid, "p-" + UUID.randomUUID()).statusCode());

        assertEquals(
                "ReservationHeld,ReservationConfirmed",
                Db.text("SELECT string_agg(type, ',' ORDER BY seq) FROM outbox_event WHERE aggregateid = ?", paid));
        assertEquals(
                "ReservationHeld,ReservationCancelled",
                Db.text(
                        "SELECT string_agg(type, ',' ORDER BY seq) FROM outbox_event WHERE aggregateid = ?",
                        cancelled));
        assertEquals(
                "1000",
                Db.text(
                        "SELECT payload->'payment'->>'amount' FROM outbox_event WHERE aggregateid = ? AND type = 'ReservationConfirmed'",
                        paid));
        assertEquals(
                "WalletCharged", Db.text("SELECT string_agg(type, ',') FROM outbox_event WHERE aggregateid = ?", user));
    }

    @Test
    void aHoldRecordsTheEventTheDomainDefinesAndARefusedHoldRecordsNone() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 3, 7_700);
        String user = Tokens.newUserId();
        String rival = Tokens.newUserId();
        String id = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 2);
        assertEquals(
                409,
                Api.hold(rival, Api.enterActive(rival, concert.id()), concert.schedule(), 2)
                        .statusCode());

        // the event as the domain would build it from the stored reservation ...
        JsonNode row = JSON.readTree(Db.text(
                "SELECT json_build_object('seatId', seat_id, 'price', price, 'expiresAt', expires_at,"
                        + " 'createdAt', created_at)::text FROM reservation WHERE id = ?::uuid",
                id));
        Reservation reservation = new Reservation(
                UUID.fromString(id),
                new UserId(user),
                concert.id(),
                concert.schedule(),
                row.get("seatId").asLong(),
                2,
                Money.won(row.get("price").asLong()),
                ReservationStatus.HELD,
                OffsetDateTime.parse(row.get("expiresAt").asText()).toInstant(),
                OffsetDateTime.parse(row.get("createdAt").asText()).toInstant());
        String eventId = Db.text("SELECT id::text FROM outbox_event WHERE aggregateid = ?", id);
        DomainEvent expected =
                BookingEvents.reservationHeld(UUID.fromString(eventId), reservation, reservation.createdAt());
        // ... is the one the hold wrote (with the reservation, in one statement: D21)
        assertEquals(
                JSON.readTree(JSON.writeValueAsString(expected.payload())),
                JSON.readTree(Db.text("SELECT payload::text FROM outbox_event WHERE id = ?::uuid", eventId)));
        assertEquals(
                String.join(",", expected.aggregateType(), expected.type(), "1", "t"),
                Db.text(
                        "SELECT concat_ws(',', aggregatetype, type, schema_version, occurred_at = ?::timestamptz)"
                                + " FROM outbox_event WHERE id = ?::uuid",
                        expected.occurredAt().toString(),
                        eventId));
        assertEquals(7_700, reservation.price().won());
        // the refused hold wrote no reservation and no event
        assertEquals(0, Db.count("SELECT count(*) FROM reservation WHERE user_id = ?", rival));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'ReservationHeld'"
                                + " AND payload->>'scheduleId' = ? AND payload->>'seatNumber' = '2'",
                        String.valueOf(concert.schedule())));
    }

    @Test
    void bookingIsUnaffectedWhileTheReceiverIsDownAndEverythingArrivesLater() throws Exception {
        Duration healthy = timeOf(() -> book()); // the same booking with the receiver up: the baseline
        relayUntilIdle();
        String early = Tokens.newUserId();
        String earlyEvent = charge(early, 1000);
        receiver.mode(EventReceiver.Mode.HANG);
        Thread hanging = Thread.ofPlatform().start(relay::relayOnce); // stuck on the receiver for its 1 s timeout

        String[] booked = new String[2];
        Duration whileHanging = timeOf(() -> System.arraycopy(book(), 0, booked, 0, 2));
        String user = booked[0];
        String reservation = booked[1];
        hanging.join(10_000);

        assertTrue(
                whileHanging.compareTo(healthy.multipliedBy(2).plusMillis(500)) < 0,
                "booking took " + whileHanging + " while the receiver hung, " + healthy + " while it was up");
        assertEquals("PENDING", status(earlyEvent), "a timed-out send is not delivered");

        receiver.stop();
        TestClock.advance(Duration.ofSeconds(30));
        relayUntilIdle();
        List<String> ours = new ArrayList<>(eventIds(reservation));
        ours.addAll(eventIds(user));
        ours.add(earlyEvent);
        for (String id : ours) {
            assertEquals("PENDING", status(id), "nothing is delivered without an acknowledgement");
        }

        receiver.start();
        receiver.acceptAll();
        TestClock.advance(Duration.ofMinutes(5));
        relayUntilIdle();
        for (String id : ours) {
            assertEquals("DELIVERED", status(id));
            assertTrue(receiver.receivedIds().contains(id), "event " + id + " arrived");
        }
    }

    /** A whole booking: concert, queue, hold, charge, pay. Returns the user and the reservation. */
    private String[] book() {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 1000);
        String user = Tokens.newUserId();
        String reservation = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);
        Api.charge(user, 5000);
        assertEquals(201, Api.pay(user, reservation, "p-" + UUID.randomUUID()).statusCode());
        return new String[] {user, reservation};
    }

    private static Duration timeOf(Runnable work) {
        Instant started = Instant.now();
        work.run();
        return Duration.between(started, Instant.now());
    }

    @Test
    void onlyAcknowledgedIdsAreMarkedDelivered() {
        String a = charge(Tokens.newUserId(), 100);
        String b = charge(Tokens.newUserId(), 200);
        String c = charge(Tokens.newUserId(), 300);
        receiver.refuse(b);

        RelayOutboxUseCase.Result first = relay.relayOnce();

        assertEquals(3, first.claimed());
        assertEquals(2, first.delivered());
        assertEquals(1, first.retried());
        assertEquals("DELIVERED", status(a));
        assertEquals("PENDING", status(b));
        assertEquals("DELIVERED", status(c));
        assertEquals(1, Db.count("SELECT attempts FROM outbox_event WHERE id = ?::uuid", b));

        receiver.acceptAll();
        TestClock.advance(Duration.ofSeconds(10));
        assertEquals(1, relay.relayOnce().delivered());
        assertEquals("DELIVERED", status(b));
    }

    @Test
    void perAggregateOrderHoldsAcrossRetries() {
        Api.ConcertFixture concert = Api.createConcert(1, 1, 1000);
        String user = Tokens.newUserId();
        String reservation = Api.holdOk(user, Api.enterActive(user, concert.id()), concert.schedule(), 1);
        Api.asUser(user).delete("/api/v1/reservations/" + reservation).then().statusCode(204);
        List<String> events = eventIds(reservation);
        String held = events.get(0);
        String cancelled = events.get(1);
        receiver.refuse(held);

        relayUntilIdle();
        assertFalse(receiver.receivedIds().contains(cancelled), "a later event waits for the earlier one");

        receiver.acceptAll();
        TestClock.advance(Duration.ofSeconds(10));
        relayUntilIdle();

        List<String> received = receiver.receivedIds();
        assertTrue(received.lastIndexOf(held) < received.indexOf(cancelled), "received in order: " + received);
        assertEquals("DELIVERED", status(cancelled));
    }

    @Test
    void twoRelaysAtOnceNeverSendAnEventTwiceAndLoseNothing() throws Exception {
        List<String> ours = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 40; i++) {
            ours.add(charge(Tokens.newUserId(), 100));
        }
        Callable<Integer> relayLoop = () -> {
            int claimed = 0;
            for (int round = 0; round < 100; round++) {
                int batch = relay.relayOnce().claimed();
                claimed += batch;
                if (batch == 0) {
                    break;
                }
            }
            return claimed;
        };

        List<Integer> claimed = Http.race(List.of(relayLoop, relayLoop));

        List<String> received = receiver.receivedIds();
        for (String id : ours) {
            assertEquals(1, Collections.frequency(received, id), "event " + id + " was sent exactly once");
            assertEquals("DELIVERED", status(id));
        }
        assertFalse(receiver.sawConcurrentDuplicate());
        assertEquals(received.size(), claimed.get(0) + claimed.get(1));
    }

    @Test
    void aPoisonEventIsParkedAfterMaxAttemptsAndCanBeReplayed() {
        String user = Tokens.newUserId();
        String poison = charge(user, 100);
        String next = charge(user, 200);
        receiver.refuse(poison);

        for (int attempt = 1; attempt <= 3; attempt++) {
            relay.relayOnce();
            TestClock.advance(Duration.ofMinutes(6));
        }

        assertEquals("PARKED", status(poison));
        assertEquals("PENDING", status(next), "later events of the same wallet wait behind it");
        assertFalse(receiver.receivedIds().contains(next));
        as(Tokens.admin())
                .get("/api/v1/admin/outbox/parked")
                .then()
                .statusCode(200)
                .body("id", hasItem(poison))
                .body("find { it.id == '" + poison + "' }.attempts", equalTo(3))
                .body("find { it.id == '" + poison + "' }.type", equalTo("WalletCharged"));
        as(Tokens.admin())
                .get("/api/v1/admin/outbox")
                .then()
                .statusCode(200)
                .body("parked", greaterThanOrEqualTo(1))
                .body("pending", greaterThanOrEqualTo(1));

        receiver.acceptAll();
        as(Tokens.admin())
                .post("/api/v1/admin/outbox/" + poison + "/retry")
                .then()
                .statusCode(202);
        relayUntilIdle();

        assertEquals("DELIVERED", status(poison));
        assertEquals("DELIVERED", status(next));
        List<String> received = receiver.receivedIds();
        assertTrue(received.lastIndexOf(poison) < received.indexOf(next));
        assertProblem(
                as(Tokens.admin())
                        .post("/api/v1/admin/outbox/" + poison + "/retry")
                        .then(),
                404);
        assertProblem(
                as(Tokens.admin()).post("/api/v1/admin/outbox/not-an-id/retry").then(), 404);
        assertProblem(Api.asUser(Tokens.newUserId()).get("/api/v1/admin/outbox").then(), 403);
    }

    @Test
    void batchesAreSignedCloudEventsThatVerifyOnlyWithTheSharedSecret() {
        String user = Tokens.newUserId();
        String event = charge(user, 700);
        relayUntilIdle();

        EventReceiver.Delivery delivery = receiver.deliveries().stream()
                .filter(d -> d.ids().contains(event))
                .findFirst()
                .orElseThrow();
        assertEquals("application/cloudevents-batch+json", delivery.contentType());
        assertTrue(delivery.body().contains("\"type\":\"com.example.concert-booking.WalletCharged\""), delivery.body());
        assertTrue(delivery.body().contains("\"amount\":700"), delivery.body());
        Instant now = Instant.now();
        assertTrue(WebhookSignature.verify(
                TestInfrastructure.WEBHOOK_SECRET, delivery.signature(), delivery.body(), now, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(
                "another-secret", delivery.signature(), delivery.body(), now, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(
                TestInfrastructure.WEBHOOK_SECRET,
                delivery.signature(),
                delivery.body() + " ",
                now,
                Duration.ofMinutes(5)));
        assertFalse(
                WebhookSignature.verify(
                        TestInfrastructure.WEBHOOK_SECRET,
                        delivery.signature(),
                        delivery.body(),
                        now.plus(Duration.ofHours(1)),
                        Duration.ofMinutes(5)),
                "an old signature is refused");
    }

    @Test
    void deliveredEventsArePrunedAfterTheRetentionAndUndeliveredOnesAreKeptWhileAWebhookIsConfigured() {
        String delivered = charge(Tokens.newUserId(), 100);
        relayUntilIdle();
        assertEquals("DELIVERED", status(delivered));
        String owed = charge(Tokens.newUserId(), 200);
        // past events.relay.retention (7d) and events.relay.undelivered-retention (7d)
        TestClock.advance(Duration.ofDays(8));

        io.restassured.RestAssured.given()
                .header("Job-Trigger-Secret", "test-trigger-secret")
                .post("/api/v1/admin/jobs/outbox-prune/run")
                .then()
                .statusCode(200)
                .body("ran", equalTo(true));

        assertEquals(null, status(delivered), "the delivered event was pruned");
        assertEquals("PENDING", status(owed), "a webhook is configured: the event is still owed to it");
    }
}
