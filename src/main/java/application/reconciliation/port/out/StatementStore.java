package application.reconciliation.port.out;

import domain.reconciliation.Action;
import domain.reconciliation.BookedTopUp;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.StatementLine;
import domain.reconciliation.Step;
import domain.reconciliation.StepSummary;
import domain.reconciliation.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The set-based half of a reconciliation step: a file's lines are staged in bulk, matched with our
 * top-ups by a join, classified one by one by the domain's rules as they stream past, and written
 * as report items. Each method is atomic on its own; memory stays bounded whatever the file size.
 */
public interface StatementStore {
    /** Stages the file's lines and records its malformed lines (the first {@code maxErrorsKept}). */
    Staged stage(UUID runId, Step step, StatementSource.StatementFile file, int maxErrorsKept);

    /**
     * Classifies every staged payment (lines of one payment key collapse to its last word) against
     * our top-ups, plus — for transaction files — our top-ups credited on {@code day} that the file
     * does not list; writes one item per verdict. Replaces the step's items if it ran before.
     */
    long classify(UUID runId, Step step, BusinessDay day, Classifier classifier);

    /**
     * Moves our records to the states the step's verdicts ask for, each only from the state it was
     * classified against, and appends one history row per record that changed.
     *
     * @return how many records changed
     */
    long applyStates(UUID runId, Step step, BusinessDay day, Instant now);

    /** Up to {@code limit} payment keys whose verdict asks for {@code action}, after item {@code afterId}. */
    List<KeyedItem> itemsToSettle(UUID runId, Step step, Action action, long afterId, int limit);

    StepSummary summarize(UUID runId, Step step);

    /** Deletes the step's staged lines. */
    void unstage(UUID runId, Step step);

    /** {@code pg} is null for one of our top-ups the PG does not list; {@code ours} null when we have none. */
    @FunctionalInterface
    interface Classifier {
        Verdict classify(StatementLine pg, BookedTopUp ours);
    }

    record Staged(long rows, long errors) {}

    record KeyedItem(long itemId, String paymentKey) {}
}
