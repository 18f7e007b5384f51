package domain.reconciliation;

import java.time.Duration;
import java.time.Instant;

/** How long an open case has waited, in the buckets the report counts (0-1, 2-7, 8-30, >30 days). */
public enum CaseAge {
    DAYS_0_1("0-1"),
    DAYS_2_7("2-7"),
    DAYS_8_30("8-30"),
    OVER_30(">30");

    private final String label;

    CaseAge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whole days open: a case opened 47 hours ago is 1 day old. */
    public static long daysOpen(Instant openedAt, Instant now) {
        return Math.max(0, Duration.between(openedAt, now).toDays());
    }

    public static CaseAge ofDays(long days) {
        if (days <= 1) {
            return DAYS_0_1;
        }
        if (days <= 7) {
            return DAYS_2_7;
        }
        return days <= 30 ? DAYS_8_30 : OVER_30;
    }
}
