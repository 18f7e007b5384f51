package domain.concert;

/** AVAILABLE → HELD (by one reservation, until its hold expires) → SOLD; HELD → AVAILABLE on cancel or expiry. */
public enum SeatStatus {
    AVAILABLE,
    HELD,
    SOLD
}
