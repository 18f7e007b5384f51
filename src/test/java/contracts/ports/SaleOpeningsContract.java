package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.queue.port.out.SaleOpenings;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.queue.SaleOpeningRecord;
import domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link SaleOpenings}: which sales are due, and each opening's record, claimed once (the first
 * seed wins) and completed once (D52).
 */
public abstract class SaleOpeningsContract extends PortContract<SaleOpenings> {
    protected SaleOpeningsContract(Supplier<Stores> implementations) {
        super(implementations, Stores::openings);
    }

    private static final String SEED_A = "a".repeat(64);
    private static final String SEED_B = "b".repeat(64);
    private static final String DIGEST = "0".repeat(64);

    private Concert concert(Instant opensAt) {
        return tx().call(() -> stores().concerts()
                .create(
                        new ConcertPlan(
                                "Contract " + UUID.randomUUID(),
                                List.of(new ConcertPlan.SchedulePlan(
                                        NOW.plus(Duration.ofDays(30)), 1, Money.won(1_000))),
                                opensAt),
                        NOW));
    }

    private boolean isDue(long concertId, Instant at) {
        return tx().call(() -> store().due(at, 1_000)).stream().anyMatch(due -> due.concertId() == concertId);
    }

    @Test
    void aSaleIsDueFromItsOpeningUntilItsOpeningIsComplete() {
        Instant opensAt = NOW.plusSeconds(60);
        Concert concert = concert(opensAt);

        assertFalse(isDue(concert.id(), opensAt.minusMillis(1)));
        assertTrue(isDue(concert.id(), opensAt));
        assertTrue(tx().call(() -> store().due(opensAt, 1_000)).contains(new SaleOpenings.Due(concert.id(), opensAt)));

        tx().call(() -> store().claim(SaleOpeningRecord.started(concert.id(), opensAt, SEED_A, 3, DIGEST, opensAt)));
        assertTrue(isDue(concert.id(), opensAt), "claimed, not complete: still due (a crash is resumed)");

        assertTrue(tx().call(() -> store().complete(concert.id(), DIGEST, opensAt.plusSeconds(1))));
        assertFalse(isDue(concert.id(), opensAt.plusSeconds(2)));
    }

    @Test
    void theFirstClaimWinsAndTheOpeningCompletesOnce() {
        Instant opensAt = NOW.plusSeconds(60);
        Concert concert = concert(opensAt);
        SaleOpeningRecord first = SaleOpeningRecord.started(concert.id(), opensAt, SEED_A, 3, DIGEST, opensAt);

        assertEquals(first, tx().call(() -> store().claim(first)));
        SaleOpeningRecord second = tx().call(() -> store().claim(
                        SaleOpeningRecord.started(concert.id(), opensAt, SEED_B, 4, DIGEST, opensAt.plusSeconds(1))));

        assertEquals(first, second, "the recorded seed, whoever claims later");
        Instant at = opensAt.plusSeconds(2);
        assertTrue(tx().call(() -> store().complete(concert.id(), "1".repeat(64), at)));
        assertFalse(tx().call(() -> store().complete(concert.id(), "2".repeat(64), at.plusSeconds(1))));
        assertEquals(
                first.completed("1".repeat(64), at),
                tx().call(() -> store().find(concert.id())).orElseThrow());
    }

    @Test
    void aConcertWithoutOpeningIsNeverDueAndHasNoRecord() {
        Concert concert = concert(null);

        assertFalse(isDue(concert.id(), NOW.plus(Duration.ofDays(365))));
        assertTrue(tx().call(() -> store().find(concert.id())).isEmpty());
        assertFalse(tx().call(() -> store().complete(concert.id(), DIGEST, NOW)));
    }
}
