package domain.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** A PG business day: midnight to midnight in the PGs' time zone (Asia/Seoul by default). */
public record BusinessDay(LocalDate date, ZoneId zone) {
    public BusinessDay {
        Objects.requireNonNull(date);
        Objects.requireNonNull(zone);
    }

    /** The day before {@code now}'s date in the zone: what the morning run reconciles. */
    public static BusinessDay before(Instant now, ZoneId zone) {
        return new BusinessDay(LocalDate.ofInstant(now, zone).minusDays(1), zone);
    }

    public Instant start() {
        return date.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The PGs publish a day's files after it ends, so a future or current date has no files yet. */
    public boolean isOverAt(Instant now) {
        return !now.isBefore(end());
    }
}
