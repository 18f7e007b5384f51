package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import application.queue.port.out.WaitingRoomCapacities;
import application.queue.port.out.WaitingRoomCapacities.Stored;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link WaitingRoomCapacities}: each concert's cap as the operator stored it, in the caller's
 * transaction, with a version that every change increments.
 */
public abstract class WaitingRoomCapacitiesContract extends PortContract<WaitingRoomCapacities> {
    protected WaitingRoomCapacitiesContract(Supplier<Stores> implementations) {
        super(implementations, Stores::capacities);
    }

    private long concert() {
        return new Catalogue(stores().concerts(), tx())
                .concert(1, 1_000, NOW.plus(Duration.ofDays(30)), NOW)
                .id();
    }

    private Optional<Stored> recentLater(long concert) throws Exception {
        return store().recentLater(concert).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aConcertWhoseCapWasNeverSetHasNone() throws Exception {
        long concert = concert();

        assertEquals(Map.of(), tx().call(() -> store().current(List.of(concert))));
        assertEquals(Optional.empty(), tx().call(() -> store().recent(concert)));
        assertEquals(Optional.empty(), recentLater(concert));
    }

    @Test
    void everyChangeOfACapIncrementsItsVersion() throws Exception {
        long concert = concert();
        long other = concert();

        assertEquals(new Stored(50, 1), tx().call(() -> store().store(concert, 50, NOW)));
        assertEquals(new Stored(0, 2), tx().call(() -> store().store(concert, 0, NOW.plusSeconds(1))));
        assertEquals(new Stored(7, 1), tx().call(() -> store().store(other, 7, NOW)));

        long neverSet = concert();
        assertEquals(
                Map.of(concert, new Stored(0, 2), other, new Stored(7, 1)),
                tx().call(() -> store().current(List.of(concert, other, neverSet))));
        assertEquals(Optional.of(new Stored(0, 2)), tx().call(() -> store().recent(concert)));
        assertEquals(Optional.of(new Stored(7, 1)), recentLater(other));
    }

    @Test
    void aCapStoredInATransactionThatRollsBackIsNotStored() throws Exception {
        long concert = concert();
        tx().call(() -> store().store(concert, 50, NOW));

        inATransactionThatRollsBack(() -> {
            store().store(concert, 10, NOW.plusSeconds(1));
        });

        assertEquals(Map.of(concert, new Stored(50, 1)), tx().call(() -> store().current(List.of(concert))));
        assertEquals(Optional.of(new Stored(50, 1)), recentLater(concert));
        assertEquals(new Stored(20, 2), tx().call(() -> store().store(concert, 20, NOW.plusSeconds(2))));
    }
}
