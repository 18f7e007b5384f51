package domain.reconciliation;

/** Which items of a run to list; a null field does not filter. */
public record ItemFilter(Category category, String provider, StatementKind kind) {}
