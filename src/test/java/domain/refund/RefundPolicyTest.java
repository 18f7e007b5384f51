package domain.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.reservation.HoldPolicy;
import domain.reservation.RefundRefusedException;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant SHOW = NOW.plus(Duration.ofDays(2));

    private static Reservation paid(long price) {
        return Reservation.hold(
                        UUID.randomUUID(),
                        new UserId("fan"),
                        1,
                        2,
                        3,
                        4,
                        Money.won(price),
                        NOW,
                        new HoldPolicy(Duration.ofMinutes(5)))
                .confirm(NOW);
    }

    @Test
    void theOwnerMayRefundUntilTheCutoffInclusive() {
        RefundPolicy policy = new RefundPolicy(Duration.ofHours(24), 0);

        assertTrue(policy.allowsOwnerRefund(SHOW, SHOW.minus(Duration.ofHours(24))));
        assertFalse(
                policy.allowsOwnerRefund(SHOW, SHOW.minus(Duration.ofHours(24)).plusMillis(1)));
        assertFalse(policy.allowsOwnerRefund(SHOW, SHOW.plusSeconds(1)));
    }

    @Test
    void theFeeIsAPercentRoundedDownAndTheRestGoesBack() {
        Refund refund = new RefundPolicy(Duration.ZERO, 15)
                .ownerRefund(UUID.randomUUID(), paid(999), SHOW, UUID.randomUUID(), NOW);

        assertEquals(149, refund.fee().won());
        assertEquals(850, refund.amount().won());
        assertEquals(Money.won(999), refund.price());
        assertEquals(RefundReason.OWNER, refund.reason());
        assertNull(refund.jobId());
    }

    @Test
    void nothingBackMeansNoLedgerLine() {
        Refund free = new RefundPolicy(Duration.ZERO, 0)
                .ownerRefund(UUID.randomUUID(), paid(0), SHOW, UUID.randomUUID(), NOW);

        assertNull(free.walletTransactionId());
    }

    @Test
    void afterTheCutoffTheOwnerIsRefused() {
        Reservation paid = paid(1000);
        RefundRefusedException e = assertThrows(
                RefundRefusedException.class,
                () -> new RefundPolicy(Duration.ofDays(3), 0)
                        .ownerRefund(UUID.randomUUID(), paid, SHOW, UUID.randomUUID(), NOW));

        assertEquals(RefundRefusedException.Reason.CUTOFF_PASSED, e.reason());
    }

    @Test
    void aCancelledScheduleRefundsInFullWithItsJob() {
        UUID job = UUID.randomUUID();
        Refund refund =
                RefundPolicy.cancelledScheduleRefund(UUID.randomUUID(), paid(1000), job, UUID.randomUUID(), NOW);

        assertEquals(1000, refund.amount().won());
        assertEquals(0, refund.fee().won());
        assertEquals(RefundReason.SCHEDULE_CANCELLED, refund.reason());
        assertEquals(job, refund.jobId());
    }

    @Test
    void onlyAPaidReservationIsRefundedAndOnlyOnce() {
        Reservation paid = paid(1000);
        Reservation refunded = paid.refund(NOW);

        assertEquals(ReservationStatus.REFUNDED, refunded.storedStatus());
        assertEquals(
                RefundRefusedException.Reason.ALREADY_REFUNDED,
                assertThrows(RefundRefusedException.class, () -> refunded.refund(NOW))
                        .reason());
        Reservation held = Reservation.hold(
                UUID.randomUUID(),
                new UserId("fan"),
                1,
                2,
                3,
                4,
                Money.won(1),
                NOW,
                new HoldPolicy(Duration.ofMinutes(5)));
        assertEquals(
                RefundRefusedException.Reason.NOT_PAID,
                assertThrows(RefundRefusedException.class, () -> held.refund(NOW))
                        .reason());
    }

    @Test
    void aBadPolicyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RefundPolicy(Duration.ofHours(-1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RefundPolicy(Duration.ZERO, 101));
        assertThrows(IllegalArgumentException.class, () -> new RefundPolicy(Duration.ZERO, -1));
    }
}
