package domain.reconciliation;

/** A reconciliation run, and each of its steps (one per provider and file kind). */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    /** A file was missing or unreadable, the run crashed (no heartbeat), or a step threw. */
    FAILED
}
