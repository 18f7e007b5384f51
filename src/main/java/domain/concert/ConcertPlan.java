package domain.concert;

import domain.shared.InvalidValueException;
import domain.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * A concert an organiser wants to put on sale: its title and the dates, each with its seats, and
 * optionally when its sale opens ({@code opensAt}, null: at once; D52).
 */
public record ConcertPlan(String title, List<SchedulePlan> schedules, Instant opensAt) {
    public static final int MAX_TITLE = 200;
    public static final int MAX_SCHEDULES = 100;

    public ConcertPlan {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new InvalidValueException("title", "a title has 1 to " + MAX_TITLE + " characters");
        }
        if (schedules == null || schedules.isEmpty() || schedules.size() > MAX_SCHEDULES) {
            throw new InvalidValueException("schedules", "a concert has 1 to " + MAX_SCHEDULES + " schedules");
        }
        schedules = List.copyOf(schedules);
        requireOpensAtInRange(opensAt);
    }

    /** An on-sale time is 1970-01-01T00:00:00Z … {@link SchedulePlan#LATEST_START} (null: none). */
    public static void requireOpensAtInRange(Instant opensAt) {
        if (opensAt != null && (opensAt.isBefore(Instant.EPOCH) || opensAt.isAfter(SchedulePlan.LATEST_START))) {
            throw new InvalidValueException(
                    "opensAt", "opensAt is between " + Instant.EPOCH + " and " + SchedulePlan.LATEST_START);
        }
    }

    public ConcertPlan(String title, List<SchedulePlan> schedules) {
        this(title, schedules, null);
    }

    /** Schedules are sold ahead of time: one that has started cannot be put on sale. */
    public void requireAllInFuture(Instant now) {
        for (SchedulePlan schedule : schedules) {
            if (!schedule.startsAt().isAfter(now)) {
                throw new InvalidValueException(
                        "schedules", "a schedule must start in the future: " + schedule.startsAt());
            }
        }
    }

    /** One date of a concert; its seats are numbered 1…seatCount at one price (a seat costs something: 1 … 10,000,000 won). */
    public record SchedulePlan(Instant startsAt, int seatCount, Money price) {
        public static final int MAX_SEATS = 100_000;
        public static final long MAX_PRICE = 10_000_000;
        /** Four-digit years only: later instants overflow epoch milliseconds or PostgreSQL's timestamp range. */
        public static final Instant LATEST_START = Instant.parse("9999-12-31T23:59:59Z");

        public SchedulePlan {
            if (startsAt == null) {
                throw new InvalidValueException("startsAt", "startsAt is required");
            }
            if (startsAt.isAfter(LATEST_START)) {
                throw new InvalidValueException("startsAt", "startsAt is at the latest " + LATEST_START);
            }
            if (seatCount < 1 || seatCount > MAX_SEATS) {
                throw new InvalidValueException("seatCount", "seatCount is between 1 and " + MAX_SEATS);
            }
            if (price == null || price.won() < 1 || price.won() > MAX_PRICE) {
                throw new InvalidValueException("price", "price is between 1 and " + MAX_PRICE + " won");
            }
        }
    }
}
