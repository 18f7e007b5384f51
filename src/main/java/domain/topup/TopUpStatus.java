package domain.topup;

/**
 * Where a PG top-up stands. PENDING means the PG's answer is unknown (a timeout): nothing is
 * credited and nothing is lost until a status query or the reconciliation settles it.
 */
public enum TopUpStatus {
    PENDING,
    APPROVED,
    DECLINED,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
