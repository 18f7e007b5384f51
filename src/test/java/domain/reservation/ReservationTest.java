package domain.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReservationTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final HoldPolicy POLICY = new HoldPolicy(Duration.ofMinutes(5));
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));
    private static final UserId ALICE = new UserId("alice");
    private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private static Reservation held() {
        return Reservation.hold(ID, ALICE, 1, 2, 3, 17, Money.won(80_000), NOW, POLICY);
    }

    private static Reservation stored(ReservationStatus status) {
        return new Reservation(ID, ALICE, 1, 2, 3, 17, Money.won(80_000), status, EXPIRY, NOW);
    }

    @Test
    void aNewHoldIsHeldUntilOneTtlFromNow() {
        Reservation reservation = held();

        assertEquals(ReservationStatus.HELD, reservation.storedStatus());
        assertEquals(EXPIRY, reservation.expiresAt());
        assertEquals(NOW, reservation.createdAt());
        assertEquals(ALICE, reservation.userId());
        assertEquals(1, reservation.concertId());
        assertEquals(2, reservation.scheduleId());
        assertEquals(3, reservation.seatId());
        assertEquals(17, reservation.seatNumber());
        assertEquals(Money.won(80_000), reservation.price());
    }

    @Test
    void aHoldReadsHeldUntilJustBeforeItExpires() {
        assertEquals(ReservationStatus.HELD, held().statusAt(NOW));
        assertEquals(ReservationStatus.HELD, held().statusAt(EXPIRY.minusMillis(1)));
    }

    @Test
    void aLiveHoldIsHeldAndNotLapsedUntilItsExpiryInstant() {
        assertTrue(held().isHeldAt(EXPIRY.minusMillis(1)));
        assertFalse(held().isLapsedAt(EXPIRY.minusMillis(1)));
        assertFalse(held().isHeldAt(EXPIRY));
        assertTrue(held().isLapsedAt(EXPIRY));
    }

    @ParameterizedTest
    @EnumSource(
            value = ReservationStatus.class,
            names = {"CONFIRMED", "CANCELLED", "EXPIRED"})
    void aFinalStatusIsNeitherHeldNorLapsed(ReservationStatus status) {
        for (Instant at : List.of(NOW, EXPIRY, EXPIRY.plusSeconds(1))) {
            assertFalse(stored(status).isHeldAt(at));
            assertFalse(stored(status).isLapsedAt(at));
        }
    }

    @Test
    void aHoldReadsExpiredExactlyAtItsExpiry() {
        assertEquals(ReservationStatus.EXPIRED, held().statusAt(EXPIRY));
        assertEquals(ReservationStatus.EXPIRED, held().statusAt(EXPIRY.plusSeconds(3600)));
    }

    @ParameterizedTest
    @EnumSource(
            value = ReservationStatus.class,
            names = {"CONFIRMED", "CANCELLED", "EXPIRED"})
    void aFinalStatusReadsTheSameLongAfterTheHoldTime(ReservationStatus status) {
        assertEquals(status, stored(status).statusAt(EXPIRY.plusSeconds(3600)));
    }

    @Test
    void confirmingALiveHoldMakesItConfirmedAndKeepsEverythingElse() {
        Reservation before = held();

        Reservation confirmed = before.confirm(EXPIRY.minusMillis(1));

        assertEquals(ReservationStatus.CONFIRMED, confirmed.storedStatus());
        assertEquals(ReservationStatus.HELD, before.storedStatus());
        assertNotSame(before, confirmed);
        assertEquals(before.id(), confirmed.id());
        assertEquals(before.seatId(), confirmed.seatId());
        assertEquals(before.price(), confirmed.price());
        assertEquals(before.expiresAt(), confirmed.expiresAt());
        assertEquals(before.createdAt(), confirmed.createdAt());
    }

    @Test
    void cancellingALiveHoldMakesItCancelled() {
        Reservation cancelled = held().cancel(NOW);

        assertEquals(ReservationStatus.CANCELLED, cancelled.storedStatus());
        assertEquals(ReservationStatus.CANCELLED, cancelled.statusAt(EXPIRY.plusSeconds(1)));
    }

    @Test
    void aLapsedHoldCannotBeConfirmed() {
        ReservationConflictException e = assertThrows(ReservationConflictException.class, () -> held().confirm(EXPIRY));

        assertEquals(ReservationStatus.EXPIRED, e.status());
        assertEquals(ID, e.reservationId());
    }

    @Test
    void aLapsedHoldCannotBeCancelled() {
        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> held().cancel(EXPIRY.plusSeconds(1)));

        assertEquals(ReservationStatus.EXPIRED, e.status());
    }

    @Test
    void aLiveHoldCannotBeExpired() {
        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> held().expire(EXPIRY.minusMillis(1)));

        assertEquals(ReservationStatus.HELD, e.status());
    }

    @Test
    void aLapsedHoldExpiresFromItsExpiryInstantOn() {
        assertEquals(ReservationStatus.EXPIRED, held().expire(EXPIRY).storedStatus());
        assertEquals(
                ReservationStatus.EXPIRED, held().expire(EXPIRY.plusSeconds(60)).storedStatus());
    }

    @ParameterizedTest
    @EnumSource(
            value = ReservationStatus.class,
            names = {"CONFIRMED", "CANCELLED", "EXPIRED"})
    void aFinalStatusRefusesEveryTransitionBeforeTheHoldTime(ReservationStatus status) {
        assertRefusesEverything(stored(status), NOW, status);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReservationStatus.class,
            names = {"CONFIRMED", "CANCELLED", "EXPIRED"})
    void aFinalStatusRefusesEveryTransitionAfterTheHoldTime(ReservationStatus status) {
        assertRefusesEverything(stored(status), EXPIRY.plusSeconds(1), status);
    }

    @Test
    void theOwnerGetsTheReservationBack() {
        Reservation reservation = held();

        assertSame(reservation, reservation.requireOwnedBy(new UserId("alice")));
    }

    @Test
    void someoneElsesReservationLooksMissing() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> held().requireOwnedBy(new UserId("mallory")));

        assertEquals("reservation", e.kind());
        assertEquals(ID.toString(), e.id());
    }

    @Test
    void theConflictMessageNamesStatusAndAction() {
        ReservationConflictException e = assertThrows(
                ReservationConflictException.class,
                () -> stored(ReservationStatus.CANCELLED).confirm(NOW));

        assertEquals("reservation " + ID + " is CANCELLED and cannot be paid", e.getMessage());
    }

    @Test
    void requiredFieldsAreChecked() {
        Money price = Money.won(1);
        ReservationStatus held = ReservationStatus.HELD;
        assertThrows(
                NullPointerException.class, () -> new Reservation(null, ALICE, 1, 2, 3, 4, price, held, EXPIRY, NOW));
        assertThrows(NullPointerException.class, () -> new Reservation(ID, null, 1, 2, 3, 4, price, held, EXPIRY, NOW));
        assertThrows(NullPointerException.class, () -> new Reservation(ID, ALICE, 1, 2, 3, 4, null, held, EXPIRY, NOW));
        assertThrows(
                NullPointerException.class, () -> new Reservation(ID, ALICE, 1, 2, 3, 4, price, null, EXPIRY, NOW));
        assertThrows(NullPointerException.class, () -> new Reservation(ID, ALICE, 1, 2, 3, 4, price, held, null, NOW));
        assertThrows(
                NullPointerException.class, () -> new Reservation(ID, ALICE, 1, 2, 3, 4, price, held, EXPIRY, null));
    }

    private static void assertRefusesEverything(Reservation reservation, Instant at, ReservationStatus status) {
        for (Function<Reservation, Reservation> transition :
                List.<Function<Reservation, Reservation>>of(r -> r.confirm(at), r -> r.cancel(at), r -> r.expire(at))) {
            ReservationConflictException e =
                    assertThrows(ReservationConflictException.class, () -> transition.apply(reservation));
            assertEquals(status, e.status());
        }
    }
}
