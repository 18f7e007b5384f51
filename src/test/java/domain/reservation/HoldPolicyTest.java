package domain.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HoldPolicyTest {

    @Test
    void aHoldExpiresOneTtlAfterItWasTaken() {
        Instant heldAt = Instant.parse("2030-01-01T00:00:00Z");

        assertEquals(Instant.parse("2030-01-01T00:05:00Z"), new HoldPolicy(Duration.ofMinutes(5)).expiryFor(heldAt));
    }

    @Test
    void theShortestTtlIsAccepted() {
        assertEquals(Duration.ofNanos(1), new HoldPolicy(Duration.ofNanos(1)).holdTtl());
    }

    @Test
    void aMissingZeroOrNegativeTtlIsRejected() {
        for (Duration ttl : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> new HoldPolicy(ttl));
            assertEquals("reservation.hold-ttl", e.field());
        }
    }
}
