package domain.concert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(300);

    private static Seat seat(SeatStatus status, Instant holdExpiresAt) {
        return new Seat(1, 2, 3, Money.won(50_000), status, holdExpiresAt);
    }

    @Test
    void anAvailableSeatReadsAvailable() {
        Seat seat = seat(SeatStatus.AVAILABLE, null);

        assertEquals(SeatStatus.AVAILABLE, seat.statusAt(NOW));
        assertTrue(seat.isAvailableAt(NOW));
    }

    @Test
    void aSoldSeatReadsSoldForever() {
        Seat seat = seat(SeatStatus.SOLD, null);

        assertEquals(SeatStatus.SOLD, seat.statusAt(NOW.plusSeconds(1_000_000)));
        assertFalse(seat.isAvailableAt(NOW));
    }

    @Test
    void aHeldSeatReadsHeldUntilJustBeforeItsExpiry() {
        Seat seat = seat(SeatStatus.HELD, EXPIRY);

        assertEquals(SeatStatus.HELD, seat.statusAt(NOW));
        assertEquals(SeatStatus.HELD, seat.statusAt(EXPIRY.minusMillis(1)));
        assertFalse(seat.isAvailableAt(EXPIRY.minusMillis(1)));
    }

    @Test
    void aLapsedHoldReadsAvailableExactlyAtTheExpiryInstant() {
        Seat seat = seat(SeatStatus.HELD, EXPIRY);

        assertEquals(SeatStatus.AVAILABLE, seat.statusAt(EXPIRY));
        assertTrue(seat.isAvailableAt(EXPIRY));
        assertEquals(SeatStatus.AVAILABLE, seat.statusAt(EXPIRY.plusSeconds(3600)));
    }

    @Test
    void readingTheStatusDoesNotChangeTheStoredStatus() {
        Seat seat = seat(SeatStatus.HELD, EXPIRY);

        seat.statusAt(EXPIRY.plusSeconds(1));

        assertEquals(SeatStatus.HELD, seat.storedStatus());
    }

    @Test
    void aHeldSeatMustHaveAHoldExpiry() {
        assertThrows(IllegalArgumentException.class, () -> seat(SeatStatus.HELD, null));
    }

    @Test
    void priceAndStatusAreRequired() {
        assertThrows(NullPointerException.class, () -> new Seat(1, 2, 3, null, SeatStatus.AVAILABLE, null));
        assertThrows(NullPointerException.class, () -> new Seat(1, 2, 3, Money.won(1), null, null));
    }

    @Test
    void onlyAHeldSeatWhoseHoldLapsedIsAvailableAgain() {
        assertTrue(seat(SeatStatus.HELD, EXPIRY).isAvailableAt(EXPIRY));
        assertFalse(seat(SeatStatus.HELD, EXPIRY).isAvailableAt(EXPIRY.minusMillis(1)));
        assertTrue(seat(SeatStatus.AVAILABLE, null).isAvailableAt(NOW));
        assertFalse(seat(SeatStatus.SOLD, null).isAvailableAt(NOW));
    }

    @Test
    void aConcertKeepsItsOwnCopyOfItsSchedules() {
        List<Schedule> schedules = new ArrayList<>(List.of(new Schedule(1, 9, NOW)));
        Concert concert = new Concert(9, "Show", schedules);

        schedules.clear();

        assertEquals(1, concert.schedules().size());
        assertThrows(
                UnsupportedOperationException.class, () -> concert.schedules().clear());
    }
}
