package application.fakes;

import application.catalog.port.out.ConcertRepository;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.Inventory;
import domain.concert.Schedule;
import domain.concert.ScheduleAvailability;
import domain.concert.Seat;
import domain.concert.SeatStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Concerts and schedules in memory; their seats live in the shared {@link InMemorySeatInventory}. */
public final class InMemoryConcertRepository implements ConcertRepository, TransactionalFake {
    private final InMemorySeatInventory seats;
    private Map<Long, Concert> concerts = new LinkedHashMap<>();
    private long nextConcertId = 1;
    private long nextScheduleId = 1;

    public InMemoryConcertRepository(InMemorySeatInventory seats) {
        this.seats = seats;
    }

    @Override
    public synchronized Concert create(ConcertPlan plan, java.time.Instant now) {
        long concertId = nextConcertId++;
        List<Schedule> schedules = new ArrayList<>();
        for (ConcertPlan.SchedulePlan planned : plan.schedules()) {
            long scheduleId = nextScheduleId++;
            seats.addSeats(scheduleId, planned.seatCount(), planned.price());
            schedules.add(new Schedule(scheduleId, concertId, planned.startsAt()));
        }
        Concert concert = new Concert(concertId, plan.title(), schedules, plan.opensAt());
        concerts.put(concertId, concert);
        return concert;
    }

    @Override
    public synchronized Page<Concert> list(PageRequest page) {
        List<Concert> rows = concerts.values().stream()
                .filter(c -> page.after() == null || c.id() > page.after().position())
                .sorted(java.util.Comparator.comparingLong(Concert::id))
                .limit(page.probe())
                .map(c -> new Concert(c.id(), c.title(), List.of(), c.opensAt()))
                .toList();
        return Page.of(rows, page, c -> PageKey.of(c.id()));
    }

    @Override
    public synchronized Optional<Concert> find(long concertId) {
        return Optional.ofNullable(concerts.get(concertId))
                .map(c -> new Concert(c.id(), c.title(), List.of(), c.opensAt()));
    }

    @Override
    public synchronized boolean setOpensAt(long concertId, Instant opensAt) {
        Concert c = concerts.get(concertId);
        if (c == null) {
            return false;
        }
        concerts.put(concertId, new Concert(c.id(), c.title(), c.schedules(), opensAt));
        return true;
    }

    /** The domain's rules: a seat free by {@code Seat.isAvailableAt}, one held by a live hold. */
    @Override
    public synchronized Map<Long, Inventory> inventory(java.util.Collection<Long> concertIds, Instant now) {
        Map<Long, Inventory> found = new java.util.HashMap<>();
        for (long concertId : concertIds) {
            List<Seat> onSale = schedules()
                    .filter(s -> s.concertId() == concertId && s.startsAt().isAfter(now))
                    .flatMap(s -> seats.seatsOf(s.id()).stream())
                    .toList();
            found.put(
                    concertId,
                    new Inventory(
                            onSale.stream().anyMatch(seat -> seat.isAvailableAt(now)),
                            onSale.stream().anyMatch(seat -> seat.statusAt(now) == SeatStatus.HELD)));
        }
        return found;
    }

    @Override
    public synchronized boolean exists(long concertId) {
        return concerts.containsKey(concertId);
    }

    @Override
    public synchronized Optional<Long> concertOfSchedule(long scheduleId) {
        return schedules()
                .filter(s -> s.id() == scheduleId)
                .map(Schedule::concertId)
                .findFirst();
    }

    @Override
    public synchronized Optional<Schedule> schedule(long scheduleId) {
        return schedules().filter(s -> s.id() == scheduleId).findFirst();
    }

    @Override
    public synchronized List<ScheduleAvailability> availableSchedules(long concertId, Instant now) {
        return schedules()
                .filter(s -> s.concertId() == concertId && s.startsAt().isAfter(now))
                .sorted(Comparator.comparing(Schedule::startsAt).thenComparingLong(Schedule::id))
                .map(s -> new ScheduleAvailability(s.id(), s.startsAt(), availableSeats(s.id(), now)))
                .filter(a -> a.availableSeats() > 0)
                .toList();
    }

    @Override
    public List<Seat> seatsOf(long scheduleId) {
        return seats.seatsOf(scheduleId);
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<Long, Concert> saved = new LinkedHashMap<>(concerts);
        return () -> {
            synchronized (this) {
                concerts = new LinkedHashMap<>(saved);
            }
        };
    }

    private Stream<Schedule> schedules() {
        return concerts.values().stream().flatMap(c -> c.schedules().stream());
    }

    /** The domain's rule, which the SQL spells too: AVAILABLE, or HELD with a lapsed hold. */
    private long availableSeats(long scheduleId, Instant now) {
        return seats.seatsOf(scheduleId).stream()
                .filter(seat -> seat.isAvailableAt(now))
                .count();
    }
}
