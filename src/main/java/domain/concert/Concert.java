package domain.concert;

import java.time.Instant;
import java.util.List;

/**
 * A concert on sale, with its schedules (dates).
 *
 * @param opensAt when its sale opens (fans entering before wait in a pre-queue, D52); null: open
 */
public record Concert(long id, String title, List<Schedule> schedules, Instant opensAt) {
    public Concert {
        schedules = List.copyOf(schedules);
    }

    public Concert(long id, String title, List<Schedule> schedules) {
        this(id, title, schedules, null);
    }
}
