package domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdmissionPolicyTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, AdmissionPolicy.LIMIT})
    void limitsFromZeroToOneMillionAreAccepted(int maxActive) {
        assertEquals(maxActive, new AdmissionPolicy(maxActive).maxActive());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, AdmissionPolicy.LIMIT + 1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void limitsOutsideZeroToOneMillionAreRejected(int maxActive) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new AdmissionPolicy(maxActive));
        assertEquals("maxActive", e.field());
    }

    @Test
    void freeSlotsAreWhatIsLeftUnderTheLimit() {
        AdmissionPolicy policy = new AdmissionPolicy(10);

        assertEquals(10, policy.freeSlots(0));
        assertEquals(3, policy.freeSlots(7));
        assertEquals(0, policy.freeSlots(10));
    }

    @Test
    void freeSlotsAreNeverNegativeWhenTheRoomIsOverfull() {
        assertEquals(0, new AdmissionPolicy(10).freeSlots(15));
    }

    @Test
    void aPausedSaleHasNoFreeSlots() {
        assertEquals(0, new AdmissionPolicy(0).freeSlots(0));
    }

    @Test
    void anArrivalIsLetInAtOnceOnlyWhenNobodyWaitsAndASlotIsFree() {
        AdmissionPolicy policy = new AdmissionPolicy(2);

        assertTrue(policy.admitsOnArrival(0, 1));
        assertFalse(policy.admitsOnArrival(0, 2), "the room is full");
        assertFalse(policy.admitsOnArrival(1, 0), "someone came first");
        assertFalse(new AdmissionPolicy(0).admitsOnArrival(0, 0), "the sale is paused");
    }
}
