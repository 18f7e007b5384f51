package domain.reconciliation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A step's totals: count and amount per category (amount = the PG's amount, or ours when the PG has
 * none), fees charged vs contract, and the payout the PG made vs the one our books expect.
 */
public record StepSummary(
        Map<Category, Tally> categories, long fees, long expectedFees, long payout, long expectedPayout) {

    public StepSummary {
        EnumMap<Category, Tally> all = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            all.put(c, categories.getOrDefault(c, Tally.NONE));
        }
        categories = Collections.unmodifiableMap(all);
    }

    public static final StepSummary EMPTY = new StepSummary(Map.of(), 0, 0, 0, 0);

    public long items() {
        return categories.values().stream().mapToLong(Tally::count).sum();
    }

    public record Tally(long count, long amount) {
        public static final Tally NONE = new Tally(0, 0);
    }
}
