package domain.refund;

/** Why a seat was refunded: its owner asked, or the organiser cancelled its schedule. */
public enum RefundReason {
    OWNER,
    SCHEDULE_CANCELLED
}
