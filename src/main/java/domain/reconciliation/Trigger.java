package domain.reconciliation;

/** Who started a run: the daily schedule, or an operator for a date. */
public enum Trigger {
    SCHEDULED,
    MANUAL
}
