package domain.reconciliation;

/** A payment's state in a PG file: the last word of the day wins (an approval cancelled later is CANCELLED). */
public enum GatewayStatus {
    APPROVED,
    CANCELLED
}
