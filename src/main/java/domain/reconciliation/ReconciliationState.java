package domain.reconciliation;

import java.util.Objects;

/**
 * How far one of our records (a top-up; later a box-office sale) has come through the chain
 * transaction → acquisition → settlement (decision D56): the stage that last spoke about it and what
 * it said. {@code UNRECONCILED} before any stage; {@code MATCHED}, {@code ACQUIRED}, {@code SETTLED}
 * when a stage agreed; otherwise the mismatch category of the stage that disagreed.
 *
 * <p>A stage's word replaces the state unless a later stage has already spoken (re-running an
 * earlier file never undoes a later stage), and a line the chain held back (the record had not
 * passed the stage before) changes nothing — so re-running a date rewrites the same states.
 */
public record ReconciliationState(StatementKind stage, Category category) {
    public static final ReconciliationState UNRECONCILED = new ReconciliationState(null, null);

    public ReconciliationState {
        if ((stage == null) != (category == null)) {
            throw new IllegalArgumentException("a state has both a stage and a category, or neither");
        }
        if (category != null && category.heldBack()) {
            throw new IllegalArgumentException(category + " holds a line back; it is never a record's state");
        }
    }

    /** The state's name as stored and shown: UNRECONCILED, MATCHED, ACQUIRED, SETTLED or the mismatch category. */
    public String state() {
        if (stage == null) {
            return "UNRECONCILED";
        }
        if (category != Category.MATCHED) {
            return category.name();
        }
        return switch (stage) {
            case TRANSACTIONS -> "MATCHED";
            case ACQUISITIONS -> "ACQUIRED";
            case SETTLEMENTS -> "SETTLED";
        };
    }

    /** The record went through {@code kind}: that stage matched it, or a later stage has spoken. */
    public boolean passed(StatementKind kind) {
        return stage != null && (stage.ordinal() > kind.ordinal() || (stage == kind && category == Category.MATCHED));
    }

    /** The state after {@code kind}'s verdict {@code category}; this state when nothing changes. */
    public ReconciliationState after(StatementKind kind, Category category) {
        Objects.requireNonNull(kind);
        if (category.heldBack() || (stage != null && stage.ordinal() > kind.ordinal())) {
            return this;
        }
        return new ReconciliationState(kind, category);
    }

    /** Reads a stored state back: {@code stage} is null for UNRECONCILED. */
    public static ReconciliationState of(String state, String stage) {
        if (stage == null) {
            return UNRECONCILED;
        }
        StatementKind kind = StatementKind.valueOf(stage);
        Category category = switch (state) {
            case "MATCHED", "ACQUIRED", "SETTLED" -> Category.MATCHED;
            default -> Category.valueOf(state);
        };
        ReconciliationState read = new ReconciliationState(kind, category);
        if (!read.state().equals(state)) {
            throw new IllegalArgumentException("state " + state + " cannot come from stage " + stage);
        }
        return read;
    }

    @Override
    public String toString() {
        return state();
    }
}
