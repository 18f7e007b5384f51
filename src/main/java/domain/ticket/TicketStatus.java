package domain.ticket;

/**
 * ISSUED (paid, not yet used) → CHECKED_IN (let in at the door) | VOID (refunded). The last two are
 * final: a ticket is used once, and a refunded one never opens a door.
 */
public enum TicketStatus {
    ISSUED,
    CHECKED_IN,
    VOID
}
