package application.queue;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.fakes.TestBed;
import domain.queue.WaitingRoomStats;
import domain.shared.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitingRoomQueriesTest {
    private TestBed bed;

    @BeforeEach
    void setUp() {
        bed = new TestBed(1);
    }

    @Test
    void aRoomsStatsCountWaitingActiveAndTheLimit() {
        long concertId = bed.concert(5, 1_000).id();
        bed.enter(user("a"), concertId);
        bed.enter(user("b"), concertId);
        bed.enter(user("c"), concertId);

        WaitingRoomStats stats = new GetWaitingRoomService(
                        bed.concerts, bed.queue, bed.queueSettings, bed.clock, bed.capacities)
                .stats(concertId);

        assertEquals(new WaitingRoomStats(concertId, 2, 1, 1), stats);
    }

    @Test
    void statsOfAnUnknownConcertAreNotFound() {
        GetWaitingRoomService service =
                new GetWaitingRoomService(bed.concerts, bed.queue, bed.queueSettings, bed.clock, bed.capacities);

        assertThrows(NotFoundException.class, () -> service.stats(12345));
    }

    @Test
    void everyOccupiedRoomIsListedInConcertOrder() {
        long first = bed.concert(5, 1_000).id();
        long second = bed.concert(5, 1_000).id();
        bed.concert(5, 1_000);
        bed.enter(user("a"), second);
        bed.enter(user("b"), first);
        bed.enter(user("c"), first);

        List<WaitingRoomStats> rooms =
                new ListWaitingRoomsService(bed.queue, bed.queueSettings, bed.clock, bed.capacities).list();

        assertEquals(List.of(new WaitingRoomStats(first, 1, 1, 1), new WaitingRoomStats(second, 0, 1, 1)), rooms);
    }
}
