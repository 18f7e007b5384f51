package domain.reservation;

/** HELD → CONFIRMED (paid) | CANCELLED (by the fan) | EXPIRED (hold time ran out). The last three are final. */
public enum ReservationStatus {
    HELD,
    CONFIRMED,
    EXPIRED,
    CANCELLED
}
