package domain.reservation;

/**
 * HELD → CONFIRMED (paid) | CANCELLED (by the fan, or its schedule was cancelled) | EXPIRED (hold time
 * ran out); CONFIRMED → REFUNDED (by the owner before the cutoff, or its schedule was cancelled).
 * EXPIRED, CANCELLED and REFUNDED are final.
 */
public enum ReservationStatus {
    HELD,
    CONFIRMED,
    EXPIRED,
    CANCELLED,
    REFUNDED
}
