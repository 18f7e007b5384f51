package domain.reconciliation;

import java.util.List;
import java.util.Objects;

/**
 * What the people who act on a run are sent when it ends (decision D60): the date's report (per
 * provider and stage: counts and amounts per category, fees, payout), the open cases with their
 * ageing, and the largest mismatches.
 */
public record RunDigest(RunReport report, OpenCases openCases, List<ReportItem> topMismatches) {
    public RunDigest {
        Objects.requireNonNull(report);
        Objects.requireNonNull(openCases);
        topMismatches = List.copyOf(topMismatches);
    }

    /** The categories that count as mismatches in the digest: those that open a case. */
    public static List<Category> mismatchCategories() {
        return java.util.Arrays.stream(Category.values())
                .filter(Category::opensCase)
                .toList();
    }
}
