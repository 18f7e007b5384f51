package domain.reconciliation;

import java.util.Objects;

/**
 * How one line compares with our books, what (if anything) to do, and why, in words for the report;
 * {@code next} is the record's new reconciliation state, null when it does not change (or there is
 * no record of ours).
 */
public record Verdict(Category category, Action action, String note, ReconciliationState next) {
    public Verdict {
        Objects.requireNonNull(category);
        Objects.requireNonNull(action);
    }

    public Verdict(Category category, Action action, String note) {
        this(category, action, note, null);
    }

    static Verdict of(Category category, String note) {
        return new Verdict(category, Action.NONE, note);
    }

    Verdict moving(ReconciliationState to) {
        return new Verdict(category, action, note, to);
    }
}
