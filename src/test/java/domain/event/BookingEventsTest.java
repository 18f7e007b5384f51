package domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.payment.Payment;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.shared.Money;
import domain.shared.UserId;
import domain.wallet.WalletTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingEventsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId ALICE = new UserId("alice");
    private final Reservation held = Reservation.hold(
            UUID.randomUUID(), ALICE, 7, 70, 700, 12, Money.won(55_000), NOW, new HoldPolicy(Duration.ofMinutes(5)));

    @Test
    void aHoldIsAnEventOfItsReservationWithPriceAndExpiry() {
        UUID id = UUID.randomUUID();
        DomainEvent event = BookingEvents.reservationHeld(id, held, NOW);

        assertEquals(id, event.id());
        assertEquals("Reservation", event.aggregateType());
        assertEquals(held.id().toString(), event.aggregateId());
        assertEquals("ReservationHeld", event.type());
        assertEquals(1, event.schemaVersion());
        assertEquals(NOW, event.occurredAt());
        assertEquals(
                Map.of(
                        "reservationId",
                        held.id().toString(),
                        "userId",
                        "alice",
                        "concertId",
                        7L,
                        "scheduleId",
                        70L,
                        "seatNumber",
                        12,
                        "price",
                        55_000L,
                        "expiresAt",
                        "2026-03-01T10:05:00Z",
                        "orderId",
                        held.id().toString()),
                event.payload());
    }

    @Test
    void aConfirmationCarriesThePayment() {
        Payment payment = new Payment(UUID.randomUUID(), held.id(), ALICE, Money.won(55_000), Money.won(5_000), NOW);
        DomainEvent event = BookingEvents.reservationConfirmed(UUID.randomUUID(), held.confirm(NOW), payment);

        assertEquals("ReservationConfirmed", event.type());
        assertEquals(NOW, event.occurredAt());
        @SuppressWarnings("unchecked")
        Map<String, Object> paid = (Map<String, Object>) event.payload().get("payment");
        assertEquals(payment.id().toString(), paid.get("paymentId"));
        assertEquals(55_000L, paid.get("amount"));
        assertEquals(5_000L, paid.get("balanceAfter"));
        assertEquals(payment.id().toString(), paid.get("groupId"));
    }

    @Test
    void cancelAndExpiryAreEventsOfTheSameReservation() {
        assertEquals(
                "ReservationCancelled",
                BookingEvents.reservationCancelled(UUID.randomUUID(), held.cancel(NOW), NOW)
                        .type());
        DomainEvent expired = BookingEvents.reservationExpired(UUID.randomUUID(), held, NOW.plusSeconds(400));
        assertEquals("ReservationExpired", expired.type());
        assertEquals(held.id().toString(), expired.aggregateId());
        assertEquals("2026-03-01T10:05:00Z", expired.payload().get("expiredAt"));
        assertEquals("HOLD_LAPSED", expired.payload().get("reason"));
        DomainEvent closed = BookingEvents.reservationReleasedAtSaleClose(UUID.randomUUID(), held, NOW.plusSeconds(60));
        assertEquals("ReservationExpired", closed.type());
        assertEquals("2026-03-01T10:01:00Z", closed.payload().get("expiredAt"));
        assertEquals("SALE_CLOSED", closed.payload().get("reason"));
    }

    @Test
    void aChargeIsAnEventOfTheUsersWallet() {
        WalletTransaction charge =
                WalletTransaction.charge(UUID.randomUUID(), ALICE, Money.won(10_000), Money.won(12_000), NOW);
        DomainEvent event = BookingEvents.walletCharged(UUID.randomUUID(), charge);

        assertEquals("Wallet", event.aggregateType());
        assertEquals("alice", event.aggregateId());
        assertEquals(10_000L, event.payload().get("amount"));
        assertEquals(12_000L, event.payload().get("balanceAfter"));
    }

    @Test
    void anEventsPayloadCannotBeChangedAfterwards() {
        DomainEvent event = BookingEvents.reservationHeld(UUID.randomUUID(), held, NOW);
        assertThrows(UnsupportedOperationException.class, () -> event.payload().put("price", 0L));
    }
}
