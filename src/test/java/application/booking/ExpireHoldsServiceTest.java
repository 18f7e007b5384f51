package application.booking;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import application.fakes.TestBed;
import domain.concert.Concert;
import domain.concert.SeatStatus;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.UserId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpireHoldsServiceTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private TestBed bed;
    private ExpireHoldsService service;
    private Concert concert;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        service = new ExpireHoldsService(bed.reservations, bed.seats, bed.outbox, bed.clock, bed.bookingWindow);
        concert = bed.concert(10, 20_000);
    }

    private int expireBatch(int size) {
        return bed.tx.call(() -> service.expireBatch(size));
    }

    private SeatStatus seatOf(Reservation reservation) {
        return bed.seats.row(reservation.scheduleId(), reservation.seatNumber()).status();
    }

    @Test
    void lapsedHoldsAreRecordedExpiredAndTheirSeatsFreed() {
        Reservation first = bed.hold(ALICE, concert, 1);
        Reservation second = bed.hold(BOB, concert, 2);
        bed.clock.advance(TestBed.HOLD_TTL);

        int expired = expireBatch(10);

        assertEquals(2, expired);
        assertEquals(ReservationStatus.EXPIRED, bed.reload(first).storedStatus());
        assertEquals(ReservationStatus.EXPIRED, bed.reload(second).storedStatus());
        assertEquals(SeatStatus.AVAILABLE, seatOf(first));
        assertEquals(SeatStatus.AVAILABLE, seatOf(second));
    }

    @Test
    void liveHoldsAreLeftAlone() {
        Reservation lapsed = bed.hold(ALICE, concert, 1);
        bed.clock.advance(Duration.ofMinutes(1));
        Reservation live = bed.hold(BOB, concert, 2);
        bed.clock.advance(TestBed.HOLD_TTL.minus(Duration.ofMinutes(1)));

        int expired = expireBatch(10);

        assertEquals(1, expired);
        assertEquals(ReservationStatus.EXPIRED, bed.reload(lapsed).storedStatus());
        assertEquals(ReservationStatus.HELD, bed.reload(live).storedStatus());
        assertEquals(SeatStatus.HELD, seatOf(live));
    }

    @Test
    void finishedReservationsAreNeverExpired() {
        Reservation paid = bed.hold(ALICE, concert, 1);
        bed.reservations.overwrite(paid.confirm(bed.now()));
        bed.seats.sell(paid.seatId(), paid.id());
        Reservation cancelled = bed.hold(BOB, concert, 2);
        bed.reservations.overwrite(cancelled.cancel(bed.now()));
        bed.seats.release(cancelled.seatId(), cancelled.id());
        bed.clock.advance(TestBed.HOLD_TTL.multipliedBy(3));

        assertEquals(0, expireBatch(10));
        assertEquals(ReservationStatus.CONFIRMED, bed.reload(paid).storedStatus());
        assertEquals(SeatStatus.SOLD, seatOf(paid));
        assertEquals(ReservationStatus.CANCELLED, bed.reload(cancelled).storedStatus());
    }

    @Test
    void aBatchHandlesAtMostItsSizeOldestExpiryFirst() {
        Reservation oldest = bed.hold(ALICE, concert, 1);
        bed.clock.advance(Duration.ofSeconds(1));
        Reservation middle = bed.hold(ALICE, concert, 2);
        bed.clock.advance(Duration.ofSeconds(1));
        Reservation newest = bed.hold(ALICE, concert, 3);
        bed.clock.advance(TestBed.HOLD_TTL);

        assertEquals(2, expireBatch(2));
        assertEquals(ReservationStatus.EXPIRED, bed.reload(oldest).storedStatus());
        assertEquals(ReservationStatus.EXPIRED, bed.reload(middle).storedStatus());
        assertEquals(ReservationStatus.HELD, bed.reload(newest).storedStatus());
        assertEquals(SeatStatus.HELD, seatOf(newest));

        assertEquals(1, expireBatch(2));
        assertEquals(ReservationStatus.EXPIRED, bed.reload(newest).storedStatus());
        assertEquals(SeatStatus.AVAILABLE, seatOf(newest));

        assertEquals(0, expireBatch(2));
    }

    @Test
    void aSeatSomeoneElseHasSinceHeldStaysTheirs() {
        Reservation lapsed = bed.hold(ALICE, concert, 1);
        bed.clock.set(lapsed.expiresAt());
        Reservation bobs = bed.hold(BOB, concert, 1);

        assertEquals(1, expireBatch(10));

        assertEquals(ReservationStatus.EXPIRED, bed.reload(lapsed).storedStatus());
        assertEquals(SeatStatus.HELD, seatOf(bobs));
        assertEquals(bobs.id(), bed.seats.row(bobs.scheduleId(), 1).reservationId());
        assertEquals(ReservationStatus.HELD, bed.reload(bobs).storedStatus());
    }

    @Test
    void nothingLapsedMeansNothingDone() {
        Reservation live = bed.hold(ALICE, concert, 1);

        assertEquals(0, expireBatch(10));
        assertEquals(ReservationStatus.HELD, bed.reload(live).storedStatus());
    }
}
