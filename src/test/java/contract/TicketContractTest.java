package contract;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Api.as;
import static support.Api.asUser;
import static support.Problems.assertProblem;

import application.ticketing.port.out.TicketStore;
import domain.ticket.Ticket;
import domain.ticket.TicketClaims;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.Http;
import support.QrCodes;
import support.TicketKeys;
import support.Tokens;

/**
 * Issue 16 point 3: a paid seat has a ticket whose signed code the holder fetches as JSON or as a QR
 * code; gate staff check it in once. Every status of both endpoints, the published keys, the
 * events, and many gates scanning one code at the same instant.
 */
@QuarkusTest
class TicketContractTest {
    @Inject
    TicketStore tickets;

    private static Api.ConcertFixture concert(int seats) {
        return Api.createConcert(1, seats, 1000);
    }

    private static String ticketId(String reservationId) {
        return Db.text("SELECT id::text FROM ticket WHERE reservation_id = ?::uuid", reservationId);
    }

    /** Voids the ticket through the store, as a refund will (until refunds exist). */
    private void voidTicket(String reservationId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket ticket = tickets.findByReservation(UUID.fromString(reservationId))
                    .orElseThrow()
                    .ticket();
            assertTrue(tickets.saveVoidIfIssued(ticket.voidFor(UUID.randomUUID(), Instant.now())));
        });
    }

    @Test
    void payingIssuesATicketWhoseSignedCodeNamesTheSeat() {
        Api.ConcertFixture concert = concert(3);
        Api.PaidSeat paid = Api.buySeat(concert, 2);

        ExtractableResponse<Response> ticket = Api.ticket(paid.userId(), paid.reservationId(), null);

        assertEquals(200, ticket.statusCode(), ticket.asString());
        assertTrue(ticket.contentType().startsWith("application/json"), ticket.contentType());
        assertEquals("no-store", ticket.header("Cache-Control"));
        assertEquals(paid.reservationId(), ticket.jsonPath().getString("reservationId"));
        assertEquals(2, ticket.jsonPath().getInt("seatNumber"));
        assertEquals(concert.schedule(), ticket.jsonPath().getLong("scheduleId"));
        assertEquals(concert.id(), ticket.jsonPath().getLong("concertId"));
        assertNotNull(Instant.parse(ticket.jsonPath().getString("startsAt")));
        assertEquals("ISSUED", ticket.jsonPath().getString("status"));
        assertNull(ticket.jsonPath().getString("checkedInAt"));
        String code = ticket.jsonPath().getString("code");
        TicketClaims claims = TicketKeys.codes().decode(code).orElseThrow();
        assertEquals(ticket.jsonPath().getString("ticketId"), claims.ticketId().toString());
        assertEquals(new TicketClaims(claims.ticketId(), concert.schedule(), 2), claims);
        assertEquals(ticketId(paid.reservationId()), claims.ticketId().toString());
        assertEquals(code, Api.ticketCode(paid.userId(), paid.reservationId()), "the same code every time");
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'TicketIssued' AND aggregateid = ?",
                        claims.ticketId().toString()));
    }

    @Test
    void theTicketAsPngOrSvgIsAQrCodeOfItsCode() {
        Api.PaidSeat paid = Api.buySeat(concert(1), 1);
        String code = Api.ticketCode(paid.userId(), paid.reservationId());

        ExtractableResponse<Response> png = Api.ticket(paid.userId(), paid.reservationId(), "image/png");
        ExtractableResponse<Response> svg = Api.ticket(paid.userId(), paid.reservationId(), "image/svg+xml");
        ExtractableResponse<Response> preferred =
                Api.ticket(paid.userId(), paid.reservationId(), "text/html;q=0.9, image/*;q=0.8, */*;q=0.1");

        assertEquals(200, png.statusCode(), png.asString());
        assertEquals("image/png", png.contentType());
        assertEquals("no-store", png.header("Cache-Control"));
        assertEquals(code, QrCodes.fromPng(png.asByteArray()));
        assertEquals(200, svg.statusCode(), svg.asString());
        assertTrue(svg.contentType().startsWith("image/svg+xml"), svg.contentType());
        assertEquals(code, QrCodes.fromSvg(svg.asString()));
        assertEquals("image/png", preferred.contentType(), "the first image type the client accepts");
    }

    @Test
    void aFormatTheTicketIsNotAvailableInIsNotAcceptable() {
        Api.PaidSeat paid = Api.buySeat(concert(1), 1);

        assertProblem(
                asUser(paid.userId())
                        .accept("text/plain")
                        .get("/api/v1/reservations/" + paid.reservationId() + "/ticket")
                        .then(),
                406,
                "not-acceptable");
    }

    @Test
    void aMalformedAcceptHeaderIsAClientErrorNeverAServerError() {
        Api.PaidSeat paid = Api.buySeat(concert(1), 1);

        for (String accept :
                List.of(";;;", "image/", "*/*;q=abc", "text/plain, application/json;q=2", "x".repeat(4000))) {
            HttpResponse<String> answer = Http.send(
                    "GET",
                    "/api/v1/reservations/" + paid.reservationId() + "/ticket",
                    Tokens.user(paid.userId()),
                    Map.of("Accept", accept),
                    null);
            assertTrue(answer.statusCode() < 500, accept + " → " + answer.statusCode() + " " + answer.body());
        }
    }

    @Test
    void someoneElsesOrAnUnknownReservationIsNotFoundAndNoBearerIsUnauthorized() {
        Api.PaidSeat paid = Api.buySeat(concert(1), 1);

        assertProblem(
                Api.ticket(Tokens.newUserId(), paid.reservationId(), null)
                        .response()
                        .then(),
                404,
                "not-found");
        assertProblem(
                Api.ticket(paid.userId(), UUID.randomUUID().toString(), null)
                        .response()
                        .then(),
                404,
                "not-found");
        assertProblem(Api.ticket(paid.userId(), "not-a-uuid", null).response().then(), 404, "not-found");
        assertProblem(
                io.restassured.RestAssured.given()
                        .get("/api/v1/reservations/" + paid.reservationId() + "/ticket")
                        .then(),
                401,
                "unauthorized");
    }

    @Test
    void aReservationThatIsNotPaidHasNoTicketAndSaysWhy() {
        Api.ConcertFixture concert = concert(2);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        String held = Api.holdOk(user, token, concert.schedule(), 1);
        String cancelled = Api.holdOk(user, token, concert.schedule(), 2);
        asUser(user).delete("/api/v1/reservations/" + cancelled).then().statusCode(204);

        assertProblem(Api.ticket(user, held, null).response().then(), 409, "ticket-not-issued")
                .body("reservationStatus", equalTo("HELD"));
        assertProblem(Api.ticket(user, cancelled, "image/png").response().then(), 409, "ticket-not-issued")
                .body("reservationStatus", equalTo("CANCELLED"));
    }

    @Test
    void theFirstCheckInLetsInAndTheSecondSaysWhenTheTicketWasUsed() {
        Api.ConcertFixture concert = concert(1);
        Api.PaidSeat paid = Api.buySeat(concert, 1);
        String code = Api.ticketCode(paid.userId(), paid.reservationId());
        String gate = Tokens.staff();

        ExtractableResponse<Response> first = Api.checkIn(gate, code);
        ExtractableResponse<Response> second = Api.checkIn(Tokens.staff(), code);

        assertEquals(200, first.statusCode(), first.asString());
        assertEquals("CHECKED_IN", first.jsonPath().getString("status"));
        assertEquals(paid.reservationId(), first.jsonPath().getString("reservationId"));
        assertEquals(1, first.jsonPath().getInt("seatNumber"));
        assertEquals(concert.schedule(), first.jsonPath().getLong("scheduleId"));
        assertNotNull(first.jsonPath().getString("startsAt"));
        String checkedInAt = first.jsonPath().getString("checkedInAt");
        assertNotNull(Instant.parse(checkedInAt));
        assertProblem(second.response().then(), 409, "ticket-already-used")
                .body("checkedInAt", equalTo(checkedInAt))
                .body("ticketId", equalTo(first.jsonPath().getString("ticketId")));
        Api.ticket(paid.userId(), paid.reservationId(), null)
                .response()
                .then()
                .body("status", equalTo("CHECKED_IN"))
                .body("checkedInAt", equalTo(checkedInAt));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'TicketCheckedIn' AND aggregateid = ?",
                        first.jsonPath().getString("ticketId")));
    }

    @Test
    void adminsCheckInTooAndFansAndStrangersCannot() {
        Api.PaidSeat paid = Api.buySeat(concert(2), 1);
        String code = Api.ticketCode(paid.userId(), paid.reservationId());

        assertProblem(Api.checkIn(Tokens.user(paid.userId()), code).response().then(), 403, "forbidden")
                .body("detail", not(containsString("admin")));
        assertProblem(
                io.restassured.RestAssured.given()
                        .contentType(ContentType.JSON)
                        .body("{\"code\":\"" + code + "\"}")
                        .post("/api/v1/check-ins")
                        .then(),
                401,
                "unauthorized");
        assertEquals(
                "ISSUED", Db.text("SELECT status FROM ticket WHERE reservation_id = ?::uuid", paid.reservationId()));
        assertEquals(200, Api.checkIn(Tokens.admin(), code).statusCode());
    }

    @Test
    void aForgedOrMalformedCodeIsBadInputAndTouchesNothing() {
        Api.PaidSeat paid = Api.buySeat(concert(1), 1);
        String code = Api.ticketCode(paid.userId(), paid.reservationId());
        String gate = Tokens.staff();
        char flipped = code.charAt(20) == 'A' ? 'B' : 'A';
        String tampered = code.substring(0, 20) + flipped + code.substring(21);
        String otherKey = new adapters.security.Ed25519TicketCodes(
                        TicketKeys.KEY_ID, TicketKeys.newPair().getPrivate(), Map.of())
                .encode(TicketKeys.codes().decode(code).orElseThrow());

        for (String bad : List.of(tampered, otherKey, "hello", "TK1.T1.", code.toLowerCase(), code + "A")) {
            assertProblem(Api.checkIn(gate, bad).response().then(), 400, "ticket-code-invalid");
        }
        assertProblem(Api.checkIn(gate, null).response().then(), 400, "invalid-input");
        assertProblem(Api.checkIn(gate, "").response().then(), 400, "invalid-input");
        assertProblem(Api.checkIn(gate, "X".repeat(513)).response().then(), 400, "invalid-input");
        assertProblem(
                as(gate).contentType(ContentType.JSON)
                        .body("{\"code\":42}")
                        .post("/api/v1/check-ins")
                        .then(),
                400);
        assertProblem(
                as(gate).contentType(ContentType.JSON)
                        .body("[")
                        .post("/api/v1/check-ins")
                        .then(),
                400);
        assertEquals(
                "ISSUED", Db.text("SELECT status FROM ticket WHERE reservation_id = ?::uuid", paid.reservationId()));
        assertEquals(200, Api.checkIn(gate, code).statusCode(), "the real code still works");
    }

    @Test
    void aWellSignedCodeThatNamesAnotherSeatThanItsTicketIsInvalidAndLetsNobodyIn() {
        // defence in depth against a signer's bug or a leaked key: the stored ticket has the last word
        Api.PaidSeat paid = Api.buySeat(concert(2), 1);
        String code = Api.ticketCode(paid.userId(), paid.reservationId());
        TicketClaims real = TicketKeys.codes().decode(code).orElseThrow();
        String otherSeat =
                TicketKeys.codes().encode(new TicketClaims(real.ticketId(), real.scheduleId(), real.seatNumber() + 1));
        String otherSchedule = TicketKeys.codes()
                .encode(new TicketClaims(real.ticketId(), real.scheduleId() + 1000, real.seatNumber()));

        assertProblem(Api.checkIn(Tokens.staff(), otherSeat).response().then(), 400, "ticket-code-invalid");
        assertProblem(Api.checkIn(Tokens.staff(), otherSchedule).response().then(), 400, "ticket-code-invalid");
        assertEquals(
                "ISSUED", Db.text("SELECT status FROM ticket WHERE reservation_id = ?::uuid", paid.reservationId()));
        assertEquals(200, Api.checkIn(Tokens.staff(), code).statusCode(), "the real code still works");
        assertProblem(Api.checkIn(Tokens.staff(), otherSeat).response().then(), 400, "ticket-code-invalid");
    }

    @Test
    void aWellSignedCodeOfATicketThatDoesNotExistIsNotFound() {
        String unknown = TicketKeys.codes().encode(new TicketClaims(UUID.randomUUID(), 1, 1));

        assertProblem(Api.checkIn(Tokens.staff(), unknown).response().then(), 404, "not-found");
    }

    @Test
    void aVoidTicketIsRefusedAtTheDoorAndShowsNoCode() {
        Api.PaidSeat paid = Api.buySeat(concert(1), 1);
        String code = Api.ticketCode(paid.userId(), paid.reservationId());

        voidTicket(paid.reservationId());

        assertProblem(Api.checkIn(Tokens.staff(), code).response().then(), 409, "ticket-refunded")
                .body("ticketId", equalTo(ticketId(paid.reservationId())));
        Api.ticket(paid.userId(), paid.reservationId(), null)
                .response()
                .then()
                .statusCode(200)
                .body("status", equalTo("VOID"))
                .body("code", nullValue());
        assertProblem(
                Api.ticket(paid.userId(), paid.reservationId(), "image/png")
                        .response()
                        .then(),
                409,
                "ticket-refunded");
        assertEquals("VOID", Db.text("SELECT status FROM ticket WHERE reservation_id = ?::uuid", paid.reservationId()));
    }

    @Test
    void aGateForAnotherScheduleRefusesTheTicketAndLeavesItUsable() {
        Api.ConcertFixture concert = Api.createConcert(2, 1, 1000);
        Api.PaidSeat paid = Api.buySeat(concert, 1);
        String code = Api.ticketCode(paid.userId(), paid.reservationId());
        long tomorrow = concert.scheduleIds().get(1);

        assertProblem(
                        as(Tokens.staff())
                                .contentType(ContentType.JSON)
                                .body("{\"code\":\"" + code + "\",\"scheduleId\":" + tomorrow + "}")
                                .post("/api/v1/check-ins")
                                .then(),
                        409,
                        "ticket-for-another-schedule")
                .body("scheduleId", equalTo((int) concert.schedule()));
        as(Tokens.staff())
                .contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"scheduleId\":" + concert.schedule() + "}")
                .post("/api/v1/check-ins")
                .then()
                .statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
    }

    @Test
    void aCodeSignedBeforeAKeyRotationStillLetsIn() {
        Api.PaidSeat paid = Api.buySeat(concert(1), 1);
        TicketClaims claims = TicketKeys.codes()
                .decode(Api.ticketCode(paid.userId(), paid.reservationId()))
                .orElseThrow();
        String printedBeforeTheRotation = TicketKeys.oldCodes().encode(claims);

        assertTrue(printedBeforeTheRotation.startsWith("TK1." + TicketKeys.OLD_KEY_ID + "."));
        assertEquals(200, Api.checkIn(Tokens.staff(), printedBeforeTheRotation).statusCode());
    }

    @Test
    void thePublicKeysArePublishedAsAJwkSetWithoutABearer() {
        ExtractableResponse<Response> keys = io.restassured.RestAssured.given()
                .get("/api/v1/tickets/signing-keys")
                .then()
                .extract();

        assertEquals(200, keys.statusCode(), keys.asString());
        assertTrue(keys.header("Cache-Control").contains("max-age="), keys.header("Cache-Control"));
        assertEquals(
                List.of(TicketKeys.KEY_ID, TicketKeys.OLD_KEY_ID),
                keys.jsonPath().getList("keys.kid"));
        assertEquals(List.of("current", "accepted"), keys.jsonPath().getList("keys.status"));
        assertEquals(List.of("OKP", "OKP"), keys.jsonPath().getList("keys.kty"));
        assertEquals(List.of("Ed25519", "Ed25519"), keys.jsonPath().getList("keys.crv"));
        assertEquals(
                TicketKeys.codes().verificationKeys().getFirst().x(),
                keys.jsonPath().getString("keys[0].x"));
    }

    @Test
    void ofManyGatesScanningOneCodeAtOnceExactlyOneLetsIn() throws Exception {
        Api.PaidSeat paid = Api.buySeat(concert(1), 1);
        String code = Api.ticketCode(paid.userId(), paid.reservationId());
        List<Callable<HttpResponse<String>>> gates = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String gate = Tokens.staff();
            gates.add(() -> Http.send("POST", "/api/v1/check-ins", gate, Map.of(), "{\"code\":\"" + code + "\"}"));
        }

        List<HttpResponse<String>> answers = Http.race(gates);

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(23, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        String winner = answers.stream()
                .filter(r -> r.statusCode() == 200)
                .findFirst()
                .orElseThrow()
                .body();
        String checkedInAt = field(winner, "checkedInAt");
        for (HttpResponse<String> refused : answers) {
            if (refused.statusCode() == 409) {
                assertTrue(refused.body().contains("ticket-already-used"), refused.body());
                assertEquals(checkedInAt, field(refused.body(), "checkedInAt"));
            }
        }
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM outbox_event WHERE type = 'TicketCheckedIn' AND aggregateid = ?",
                        ticketId(paid.reservationId())));
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), "no " + name + " in " + json);
        return m.group(1);
    }
}
