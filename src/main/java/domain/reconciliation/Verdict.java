package domain.reconciliation;

import java.util.Objects;

/** How one line compares with our books, what (if anything) to do, and why, in words for the report. */
public record Verdict(Category category, Action action, String note) {
    public Verdict {
        Objects.requireNonNull(category);
        Objects.requireNonNull(action);
    }

    static Verdict of(Category category, String note) {
        return new Verdict(category, Action.NONE, note);
    }
}
