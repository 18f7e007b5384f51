package application.booking;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.fakes.TestBed;
import domain.concert.Concert;
import domain.concert.SeatStatus;
import domain.reservation.Reservation;
import domain.reservation.ReservationConflictException;
import domain.reservation.ReservationStatus;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CancelReservationServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private CancelReservationService service;
    private Concert concert;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        service =
                new CancelReservationService(bed.seats, new ReservationLoader(bed.reservations), bed.outbox, bed.clock);
        concert = bed.concert(5, 20_000);
    }

    private void cancel(UserId userId, UUID reservationId) {
        bed.tx.run(() -> service.cancel(userId, reservationId));
    }

    @Test
    void cancellingAHoldMakesItCancelledAndFreesTheSeat() {
        Reservation reservation = bed.hold(ALICE, concert, 2);

        cancel(ALICE, reservation.id());

        assertEquals(ReservationStatus.CANCELLED, bed.reload(reservation).storedStatus());
        assertEquals(
                SeatStatus.AVAILABLE, bed.seats.row(reservation.scheduleId(), 2).status());
        assertNull(bed.seats.row(reservation.scheduleId(), 2).reservationId());
    }

    @Test
    void aCancelledSeatCanBeHeldAgainAtOnce() {
        Reservation reservation = bed.hold(ALICE, concert, 2);
        cancel(ALICE, reservation.id());

        Reservation bobs = bed.hold(BOB, concert, 2);

        assertEquals(bobs.id(), bed.seats.row(reservation.scheduleId(), 2).reservationId());
    }

    @Test
    void cancellingTwiceIsAConflict() {
        Reservation reservation = bed.hold(ALICE, concert, 2);
        cancel(ALICE, reservation.id());

        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> cancel(ALICE, reservation.id()));

        assertEquals(ReservationStatus.CANCELLED, e.status());
    }

    @Test
    void aLapsedHoldCannotBeCancelled() {
        Reservation reservation = bed.hold(ALICE, concert, 2);
        bed.clock.set(reservation.expiresAt());

        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> cancel(ALICE, reservation.id()));

        assertEquals(ReservationStatus.EXPIRED, e.status());
        assertEquals(ReservationStatus.HELD, bed.reload(reservation).storedStatus());
    }

    @Test
    void aPaidReservationCannotBeCancelled() {
        Reservation reservation = bed.hold(ALICE, concert, 2);
        bed.reservations.overwrite(reservation.confirm(bed.now()));
        bed.seats.sell(reservation.seatId(), reservation.id());

        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> cancel(ALICE, reservation.id()));

        assertEquals(ReservationStatus.CONFIRMED, e.status());
        assertEquals(SeatStatus.SOLD, bed.seats.row(reservation.scheduleId(), 2).status());
    }

    @Test
    void someoneElsesReservationLooksMissingAndStaysHeld() {
        Reservation reservation = bed.hold(ALICE, concert, 2);

        NotFoundException e = assertThrows(NotFoundException.class, () -> cancel(BOB, reservation.id()));

        assertEquals("reservation", e.kind());
        assertEquals(ReservationStatus.HELD, bed.reload(reservation).storedStatus());
        assertEquals(SeatStatus.HELD, bed.seats.row(reservation.scheduleId(), 2).status());
    }

    @Test
    void anUnknownReservationIsNotFound() {
        UUID unknown = UUID.randomUUID();

        NotFoundException e = assertThrows(NotFoundException.class, () -> cancel(ALICE, unknown));

        assertEquals(unknown.toString(), e.id());
    }

    @Test
    void aPaymentThatWinsTheRaceMakesTheCancelAConflictReportingConfirmed() {
        Reservation reservation = bed.hold(ALICE, concert, 2);
        bed.reservations.beforeNextSaveIfStillHeld(() -> bed.reservations.overwrite(reservation.confirm(bed.now())));

        ReservationConflictException e =
                assertThrows(ReservationConflictException.class, () -> cancel(ALICE, reservation.id()));

        assertEquals(ReservationStatus.CONFIRMED, e.status());
        assertEquals(SeatStatus.HELD, bed.seats.row(reservation.scheduleId(), 2).status());
    }
}
