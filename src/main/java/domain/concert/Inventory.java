package domain.concert;

/**
 * What a concert has left to sell, as the admission round sees it once per tick (decisions D53),
 * over its on-sale schedules (those not yet started).
 *
 * @param free whether any seat is free now: AVAILABLE, or HELD with its hold lapsed ({@code
 *     Seat.isAvailableAt})
 * @param held whether any seat is held by a live hold (it comes back if the hold lapses)
 */
public record Inventory(boolean free, boolean held) {
    /** A concert with seats to sell: admission as usual. */
    public static final Inventory OPEN = new Inventory(true, false);

    /** What admission does with this inventory. */
    public enum Verdict {
        /** Seats are free: admit up to the cap. */
        OPEN,
        /** None free, some held: admit no one now, and tell nobody it is over (holds may lapse). */
        PAUSED,
        /** Nothing free and nothing held: admit no one, and waiting fans are told {@code SOLD_OUT}. */
        SOLD_OUT
    }

    /**
     * The rule: admitting a fan is worth it only while a seat is free; the sale is over only when
     * no seat is free and none can come back (every seat of every on-sale schedule is SOLD, or none
     * is left on sale). A refunded or released seat is free again, so the verdict is taken anew every
     * round and admission resumes by itself.
     */
    public Verdict verdict() {
        if (free) {
            return Verdict.OPEN;
        }
        return held ? Verdict.PAUSED : Verdict.SOLD_OUT;
    }
}
