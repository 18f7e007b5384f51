package domain.queue;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SaleOpeningTest {
    private static final Instant OPENS = Instant.parse("2031-04-01T01:00:00Z");
    private static final Duration LEAD = Duration.ofSeconds(5);

    @Test
    void aFanIsPreQueuedUntilNotAtTheOpening() {
        assertTrue(SaleOpening.preQueues(OPENS, OPENS.minusMillis(1)));
        assertFalse(SaleOpening.preQueues(OPENS, OPENS));
        assertFalse(SaleOpening.preQueues(null, OPENS.minusSeconds(3600)), "no on-sale time: never");
    }

    @Test
    void thePreQueueFillsTheOrdersJustBelowTheFloorAndLaterArrivalsStayAtOrAboveIt() {
        long floor = SaleOpening.floor(OPENS);
        assertEquals(OPENS.toEpochMilli() * 1000, floor);
        assertEquals(floor - 3, SaleOpening.preQueueOrder(floor, 3, 0));
        assertEquals(floor - 1, SaleOpening.preQueueOrder(floor, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> SaleOpening.preQueueOrder(floor, 3, 3));
        assertEquals(floor, SaleOpening.laterArrival(floor - 5_000, floor), "a lagging clock cannot jump the line");
        assertEquals(floor + 7, SaleOpening.laterArrival(floor + 7, floor));
        assertTrue(SaleOpening.admitsBeforePlacement(floor - 1, floor));
        assertFalse(SaleOpening.admitsBeforePlacement(floor, floor));
    }

    @Test
    void anOpeningTimeChangesOnlyWhileEveryInstanceCanStillLearnIt() {
        Instant now = OPENS.minus(LEAD).minusMillis(1);
        assertDoesNotThrow(() -> SaleOpening.requireChangeable(1, OPENS, OPENS.plusSeconds(60), now, LEAD));
        assertThrows(
                SaleOpeningLockedException.class,
                () -> SaleOpening.requireChangeable(1, OPENS, OPENS.plusSeconds(60), now.plusMillis(1), LEAD));
        assertThrows(
                InvalidValueException.class,
                () -> SaleOpening.requireChangeable(1, null, now.plus(LEAD), now, LEAD),
                "a new time must be more than the lead ahead");
        assertDoesNotThrow(
                () -> SaleOpening.requireChangeable(1, null, now.plus(LEAD).plusMillis(1), now, LEAD));
    }
}
