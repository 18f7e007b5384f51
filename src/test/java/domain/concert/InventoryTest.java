package domain.concert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InventoryTest {
    @Test
    void aFreeSeatOpensAdmissionAHeldOnePausesItAndNothingLeftIsSoldOut() {
        assertEquals(Inventory.Verdict.OPEN, new Inventory(true, true).verdict());
        assertEquals(Inventory.Verdict.OPEN, new Inventory(true, false).verdict());
        assertEquals(Inventory.Verdict.PAUSED, new Inventory(false, true).verdict());
        assertEquals(Inventory.Verdict.SOLD_OUT, new Inventory(false, false).verdict());
    }
}
