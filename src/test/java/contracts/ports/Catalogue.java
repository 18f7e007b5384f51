package contracts.ports;

import application.catalog.port.out.ConcertRepository;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.concert.Schedule;
import domain.concert.Seat;
import domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Concerts for the booking ports' contracts, made through the catalogue's own port. */
record Catalogue(ConcertRepository concerts, Transactions tx) {
    /** A concert with one schedule starting at {@code startsAt}, seats 1…seatCount at {@code price}. */
    Concert concert(int seatCount, long price, Instant startsAt, Instant now) {
        ConcertPlan plan = new ConcertPlan(
                "Contract " + UUID.randomUUID(),
                List.of(new ConcertPlan.SchedulePlan(startsAt, seatCount, Money.won(price))));
        return tx.call(() -> concerts.create(plan, now));
    }

    static Schedule onlySchedule(Concert concert) {
        return concert.schedules().getFirst();
    }

    List<Seat> seatsOf(long scheduleId) {
        return tx.call(() -> concerts.seatsOf(scheduleId));
    }

    Seat seat(long scheduleId, int number) {
        return seatsOf(scheduleId).stream()
                .filter(seat -> seat.number() == number)
                .findFirst()
                .orElseThrow();
    }
}
