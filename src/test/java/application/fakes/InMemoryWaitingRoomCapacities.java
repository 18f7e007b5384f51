package application.fakes;

import application.queue.port.out.WaitingRoomCapacities;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored caps in memory (the table {@code waiting_room}), versioned as the adapter does, and
 * part of the caller's transaction like the table.
 */
public final class InMemoryWaitingRoomCapacities implements WaitingRoomCapacities, TransactionalFake {
    private Map<Long, Stored> stored = new HashMap<>();

    @Override
    public synchronized Stored store(long concertId, int maxActive, Instant now) {
        Stored previous = stored.get(concertId);
        Stored next = new Stored(maxActive, previous == null ? 1 : previous.version() + 1);
        stored.put(concertId, next);
        return next;
    }

    @Override
    public synchronized Map<Long, Stored> current(Collection<Long> concertIds) {
        Map<Long, Stored> found = new HashMap<>();
        for (Long id : concertIds) {
            if (stored.containsKey(id)) {
                found.put(id, stored.get(id));
            }
        }
        return found;
    }

    @Override
    public synchronized Optional<Stored> recent(long concertId) {
        return Optional.ofNullable(stored.get(concertId));
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<Long, Stored> saved = Map.copyOf(stored);
        return () -> putBack(saved);
    }

    private synchronized void putBack(Map<Long, Stored> saved) {
        stored = new HashMap<>(saved);
    }
}
