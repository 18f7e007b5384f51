package packaged;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import client.ApiClient;
import client.ApiException;
import client.api.AdministrationApi;
import client.api.CatalogueApi;
import client.api.PaymentsApi;
import client.api.ReservationsApi;
import client.api.TicketsApi;
import client.api.WaitingRoomApi;
import client.api.WalletApi;
import client.model.ChargeRequest;
import client.model.CheckIn;
import client.model.CheckInRequest;
import client.model.CreateConcertRequest;
import client.model.CreatedConcert;
import client.model.HoldRequest;
import client.model.Order;
import client.model.Payment;
import client.model.PaymentGroup;
import client.model.PaymentRequest;
import client.model.Problem;
import client.model.QueueStatus;
import client.model.QueueToken;
import client.model.Reservation;
import client.model.ReservationStatus;
import client.model.Schedule;
import client.model.ScheduleRequest;
import client.model.Seat;
import client.model.SeatStatus;
import client.model.Ticket;
import client.model.TicketKey;
import client.model.TicketKeySet;
import client.model.TicketProblem;
import client.model.TicketStatus;
import client.model.TransactionType;
import client.model.WalletTransaction;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import support.Http;
import support.Tokens;

/**
 * A Java client generated from the built OpenAPI document (target/openapi/openapi.json, by
 * openapi-generator's {@code java} generator with the JDK HTTP client, into target/generated-client)
 * completes a booking against the packaged application: queue, admission, schedules, seats, hold,
 * top-up, payment, reservation, ledger, the ticket and its check-in, and a typed problem for a seat taken. The client refuses
 * response fields the document does not name, and every status it meets must be declared for its
 * operation in the document the application serves, so the test fails when the two disagree.
 */
@QuarkusIntegrationTest
@TestProfile(DirectChargesProfile.class) // the top-up is a plain {amount} charge: no payment gateway here
class GeneratedClientIT {
    private final ConcurrentLinkedQueue<String> exchanges = new ConcurrentLinkedQueue<>();

    @Test
    void aGeneratedClientCompletesABooking() throws Exception {
        ApiClient admin = client(Tokens.admin());
        CreatedConcert concert = new AdministrationApi(admin)
                .createConcert(new CreateConcertRequest()
                        .title("Generated client " + UUID.randomUUID())
                        .schedules(List.of(new ScheduleRequest()
                                .startsAt(OffsetDateTime.now().plusDays(30).truncatedTo(ChronoUnit.SECONDS))
                                .seatCount(5)
                                .price(42_000L))));
        String fan = Tokens.newUserId();
        ApiClient user = client(Tokens.user(fan));
        WaitingRoomApi queue = new WaitingRoomApi(user);

        QueueToken entered = queue.enterQueue(concert.getId(), null);
        String token = entered.getToken();
        QueueToken admitted = awaitActive(queue, token);
        assertEquals(0L, admitted.getPosition());
        assertNotNull(admitted.getExpiresAt());

        CatalogueApi catalogue = new CatalogueApi(user);
        assertTrue(catalogue.listConcerts(null, 500).stream()
                .anyMatch(c -> c.getId().equals(concert.getId())));
        List<Schedule> schedules = catalogue.listSchedules(concert.getId(), token);
        assertEquals(1, schedules.size());
        long schedule = schedules.getFirst().getId();
        List<Seat> seats = catalogue.listSeats(schedule, token);
        assertEquals(5, seats.size());
        assertTrue(seats.stream().allMatch(s -> s.getStatus() == SeatStatus.AVAILABLE));

        ReservationsApi reservations = new ReservationsApi(user);
        Reservation held = reservations
                .holdSeat(token, new HoldRequest().scheduleId(schedule).seatNumber(3))
                .getReservation();
        assertEquals(ReservationStatus.HELD, held.getStatus());
        assertEquals(42_000L, held.getPrice());

        WalletApi wallet = new WalletApi(user);
        assertEquals(
                50_000L,
                wallet.chargeWallet(key(), new ChargeRequest().amount(50_000L)).getBalance());
        Payment paid = new PaymentsApi(user)
                .payReservation(
                        key(), new PaymentRequest().reservationId(held.getId().toString()))
                .getPayment();
        assertEquals(8_000L, paid.getBalance());
        assertEquals(
                ReservationStatus.CONFIRMED,
                reservations.getReservation(held.getId()).getStatus());
        assertEquals(8_000L, wallet.getWallet().getBalance());
        List<WalletTransaction> ledger = wallet.listWalletTransactions(null, null);
        assertEquals(
                List.of(TransactionType.PAYMENT, TransactionType.CHARGE),
                ledger.stream().map(WalletTransaction::getType).toList());

        // the paid seat's ticket, the door (first check-in lets in, the second is a TicketProblem), the public keys
        TicketsApi tickets = new TicketsApi(user);
        Ticket ticket = tickets.getTicket(held.getId());
        assertEquals(TicketStatus.ISSUED, ticket.getStatus());
        assertEquals(3, ticket.getSeatNumber());
        assertNotNull(ticket.getCode());
        TicketsApi gate = new TicketsApi(client(Tokens.staff()));
        CheckIn admittedAtTheDoor =
                gate.checkInTicket(new CheckInRequest().code(ticket.getCode()).scheduleId(schedule));
        assertEquals(TicketStatus.CHECKED_IN, admittedAtTheDoor.getStatus());
        ApiException used =
                assertThrows(ApiException.class, () -> gate.checkInTicket(new CheckInRequest().code(ticket.getCode())));
        assertEquals(409, used.getCode());
        TicketProblem usedProblem = user.getObjectMapper().readValue(used.getResponseBody(), TicketProblem.class);
        assertEquals(URI.create("urn:concert-booking:problem:ticket-already-used"), usedProblem.getType());
        assertTrue(admittedAtTheDoor.getCheckedInAt().isEqual(usedProblem.getCheckedInAt()));
        TicketKeySet keys = tickets.getTicketSigningKeys();
        assertEquals(ticket.getCode().split("\\.")[1], keys.getKeys().getFirst().getKid());
        assertEquals(TicketKey.StatusEnum.CURRENT, keys.getKeys().getFirst().getStatus());

        // a seat taken: the error is a Problem the client can read with its own model
        String other = Tokens.newUserId();
        ApiClient rival = client(Tokens.user(other));
        String rivalToken = awaitActive(
                        new WaitingRoomApi(rival),
                        new WaitingRoomApi(rival)
                                .enterQueue(concert.getId(), null)
                                .getToken())
                .getToken();
        ApiException taken = assertThrows(
                ApiException.class,
                () -> new ReservationsApi(rival)
                        .holdSeat(
                                rivalToken,
                                new HoldRequest().scheduleId(schedule).seatNumber(3)));
        assertEquals(409, taken.getCode());
        assertTrue(taken.getResponseHeaders()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json"));
        Problem problem = rival.getObjectMapper().readValue(taken.getResponseBody(), Problem.class);
        assertEquals(URI.create("urn:concert-booking:problem:seat-unavailable"), problem.getType());
        assertEquals(409, problem.getStatus());
        assertEquals("/api/v1/reservations", problem.getInstance());

        // several seats as one order, paid together: the other member of each oneOf
        Order order = new ReservationsApi(rival)
                .holdSeat(rivalToken, new HoldRequest().scheduleId(schedule).seatNumbers(List.of(5, 4)))
                .getOrder();
        assertEquals(
                List.of(4, 5),
                order.getReservations().stream().map(Reservation::getSeatNumber).toList());
        assertTrue(order.getReservations().stream()
                .allMatch(r -> order.getOrderId().equals(r.getOrderId())));
        new WalletApi(rival).chargeWallet(key(), new ChargeRequest().amount(84_000L));
        PaymentGroup group = new PaymentsApi(rival)
                .payReservation(
                        key(),
                        new PaymentRequest()
                                .reservationIds(order.getReservations().stream()
                                        .map(r -> r.getId().toString())
                                        .toList()))
                .getPaymentGroup();
        assertEquals(84_000L, group.getAmount());
        assertEquals(0L, group.getBalance());
        assertEquals(2, group.getPayments().size());

        assertEveryStatusIsDeclared();
    }

    private QueueToken awaitActive(WaitingRoomApi queue, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            QueueToken current = queue.getQueueToken(token);
            if (current.getStatus() == QueueStatus.ACTIVE) {
                return current;
            }
            assertTrue(Instant.now().isBefore(deadline), "not admitted within 30 s: " + current);
            Thread.sleep(200); // the admission job runs every queue.admit-interval
        }
    }

    /** A client for one caller; it fails on a response field the document does not name. */
    private ApiClient client(String bearer) {
        ObjectMapper strict =
                ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        ApiClient client = new ApiClient(HttpClient.newBuilder(), strict, Http.base());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        client.setResponseInterceptor(response -> exchanges.add(
                response.request().method() + " " + response.uri().getRawPath() + " " + response.statusCode()));
        return client;
    }

    /** Each (method, path, status) the client met is declared for that operation in /q/openapi. */
    private void assertEveryStatusIsDeclared() throws Exception {
        JsonNode paths = new ObjectMapper()
                .readTree(given().get("/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("paths");
        assertTrue(exchanges.size() >= 12, "the client's calls were seen: " + exchanges);
        List<String> undeclared = new ArrayList<>();
        for (String exchange : exchanges) {
            String[] parts = exchange.split(" ");
            JsonNode operation = operation(paths, parts[0], parts[1]);
            if (operation == null || !operation.path("responses").has(parts[2])) {
                undeclared.add(exchange);
            }
        }
        assertEquals(List.of(), undeclared, "statuses the application answered that its document does not declare");
    }

    private static JsonNode operation(JsonNode paths, String method, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String template = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(template)) {
                JsonNode op = entry.getValue().get(method.toLowerCase(Locale.ROOT));
                if (op != null) {
                    return op;
                }
            }
        }
        return null;
    }

    private static String key() {
        return "client-it-" + UUID.randomUUID();
    }
}
