package application.fakes;

import application.queue.port.out.SaleOpenings;
import domain.queue.SaleOpeningRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sale openings in memory, read from the concerts of an {@link InMemoryConcertRepository}; as
 * {@code PostgresSaleOpenings}, one record per concert, claimed once and completed once.
 */
public final class InMemorySaleOpenings implements SaleOpenings, TransactionalFake {
    private final InMemoryConcertRepository concerts;
    private Map<Long, SaleOpeningRecord> records = new LinkedHashMap<>();

    public InMemorySaleOpenings(InMemoryConcertRepository concerts) {
        this.concerts = concerts;
    }

    @Override
    public synchronized List<Due> due(Instant now, int limit) {
        return concerts.list(application.shared.PageRequest.first(100_000)).items().stream()
                .filter(c -> c.opensAt() != null && !c.opensAt().isAfter(now))
                .filter(c -> records.get(c.id()) == null || !records.get(c.id()).isComplete())
                .sorted(Comparator.comparing(domain.concert.Concert::opensAt)
                        .thenComparingLong(domain.concert.Concert::id))
                .limit(limit)
                .map(c -> new Due(c.id(), c.opensAt()))
                .toList();
    }

    @Override
    public synchronized SaleOpeningRecord claim(SaleOpeningRecord proposed) {
        return records.computeIfAbsent(proposed.concertId(), id -> proposed);
    }

    @Override
    public synchronized boolean complete(long concertId, String orderDigest, Instant at) {
        SaleOpeningRecord record = records.get(concertId);
        if (record == null || record.isComplete()) {
            return false;
        }
        records.put(concertId, record.completed(orderDigest, at));
        return true;
    }

    @Override
    public synchronized Optional<SaleOpeningRecord> find(long concertId) {
        return Optional.ofNullable(records.get(concertId));
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<Long, SaleOpeningRecord> saved = new LinkedHashMap<>(records);
        return () -> {
            synchronized (this) {
                records = new LinkedHashMap<>(saved);
            }
        };
    }
}
