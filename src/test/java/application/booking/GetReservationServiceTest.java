package application.booking;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.booking.port.in.ReservationView;
import application.fakes.TestBed;
import domain.concert.Concert;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetReservationServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private GetReservationService service;
    private Concert concert;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        service = new GetReservationService(new ReservationLoader(bed.reservations), bed.clock);
        concert = bed.concert(5, 20_000);
    }

    @Test
    void theOwnerSeesTheirHeldReservation() {
        Reservation reservation = bed.hold(ALICE, concert, 3);

        ReservationView view = service.get(ALICE, reservation.id());

        assertEquals(reservation, view.reservation());
        assertEquals(ReservationStatus.HELD, view.status());
    }

    @Test
    void aLapsedHoldReadsExpiredBeforeAnyJobRecordsIt() {
        Reservation reservation = bed.hold(ALICE, concert, 3);
        bed.clock.set(reservation.expiresAt());

        ReservationView view = service.get(ALICE, reservation.id());

        assertEquals(ReservationStatus.EXPIRED, view.status());
        assertEquals(ReservationStatus.HELD, view.reservation().storedStatus());
    }

    @Test
    void aHoldReadsHeldOneMillisecondBeforeItLapses() {
        Reservation reservation = bed.hold(ALICE, concert, 3);
        bed.clock.set(reservation.expiresAt().minusMillis(1));

        assertEquals(
                ReservationStatus.HELD, service.get(ALICE, reservation.id()).status());
    }

    @Test
    void aConfirmedReservationStaysConfirmedAfterTheHoldTime() {
        Reservation reservation = bed.hold(ALICE, concert, 3);
        bed.reservations.overwrite(reservation.confirm(bed.now()));
        bed.clock.set(reservation.expiresAt().plusSeconds(3600));

        assertEquals(
                ReservationStatus.CONFIRMED,
                service.get(ALICE, reservation.id()).status());
    }

    @Test
    void someoneElsesReservationIsNotFound() {
        Reservation reservation = bed.hold(ALICE, concert, 3);

        NotFoundException e = assertThrows(NotFoundException.class, () -> service.get(BOB, reservation.id()));

        assertEquals("reservation", e.kind());
        assertEquals(reservation.id().toString(), e.id());
    }

    @Test
    void anUnknownReservationIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.get(ALICE, UUID.randomUUID()));
    }
}
