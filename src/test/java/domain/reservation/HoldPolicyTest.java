package domain.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aFanMayHoldFourSeatsOfAConcertByDefault() {
        HoldPolicy policy = new HoldPolicy(Duration.ofMinutes(5));

        assertEquals(4, policy.maxHeldPerUser());
        assertTrue(HoldPolicy.allowsAnotherHold(3, policy.maxHeldPerUser()));
        assertFalse(HoldPolicy.allowsAnotherHold(4, policy.maxHeldPerUser()));
        assertFalse(HoldPolicy.allowsAnotherHold(5, policy.maxHeldPerUser()), "an overfull count leaves no room");
    }

    @Test
    void aHoldLapsesAtItsExpiryInstantNotBefore() {
        Instant expiry = Instant.parse("2030-01-01T00:05:00Z");

        assertFalse(HoldPolicy.hasLapsed(expiry, expiry.minusNanos(1)));
        assertTrue(HoldPolicy.hasLapsed(expiry, expiry));
        assertTrue(HoldPolicy.hasLapsed(expiry, expiry.plusMillis(1)));
    }

    @Test
    void aLimitOutsideOneToAThousandIsRejected() {
        for (int limit : new int[] {0, -1, 1_001}) {
            InvalidValueException e =
                    assertThrows(InvalidValueException.class, () -> new HoldPolicy(Duration.ofMinutes(5), limit));
            assertEquals("reservation.max-held-per-user", e.field());
        }
        assertEquals(1_000, new HoldPolicy(Duration.ofMinutes(5), 1_000).maxHeldPerUser());
    }
}
