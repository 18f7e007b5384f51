package domain.reconciliation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The open cases when a report is read or sent: how many, per provider, and how long they have
 * waited ({@code byAge}: every {@link CaseAge} label, in order, with its count).
 */
public record OpenCases(long open, Map<String, Long> byProvider, Map<String, Long> byAge) {
    public OpenCases {
        byProvider = Collections.unmodifiableMap(new LinkedHashMap<>(byProvider));
        byAge = Collections.unmodifiableMap(new LinkedHashMap<>(byAge));
    }

    /** One row of open-case counts: a provider's cases that have been open {@code daysOpen} days. */
    public record Count(String provider, long daysOpen, long cases) {}

    /** Buckets counts by age — the rule of {@link CaseAge}. */
    public static OpenCases of(Iterable<Count> counts) {
        Map<String, Long> byAge = new LinkedHashMap<>();
        for (CaseAge age : CaseAge.values()) {
            byAge.put(age.label(), 0L);
        }
        Map<String, Long> byProvider = new java.util.TreeMap<>();
        long open = 0;
        for (Count c : counts) {
            open += c.cases();
            byAge.merge(CaseAge.ofDays(c.daysOpen()).label(), c.cases(), Long::sum);
            byProvider.merge(c.provider(), c.cases(), Long::sum);
        }
        return new OpenCases(open, byProvider, byAge);
    }
}
