package domain.concert;

import java.util.List;

/** A concert on sale, with its schedules (dates). */
public record Concert(long id, String title, List<Schedule> schedules) {
    public Concert {
        schedules = List.copyOf(schedules);
    }
}
