package domain.reconciliation;

import java.util.Arrays;
import java.util.List;

/** How a case was closed (decision D59). */
public enum Resolution {
    /** The difference is accepted as it is (e.g. a known rounding). */
    ACCEPT,
    /** The difference is written off as a loss. */
    WRITE_OFF,
    /** The payment was refunded to the customer. */
    REFUND,
    /** Checked by hand; to be looked at again: a later run that still finds the mismatch opens a new case. */
    RECHECK,
    /** A later run found the record without this mismatch (closed by the reconciliation itself). */
    AUTO_CLOSED;

    /** A person may close a case this way. */
    public boolean byPerson() {
        return this != AUTO_CLOSED;
    }

    /**
     * The mismatch is settled for good: a re-run that finds it again (the same files) opens no new
     * case. RECHECK and AUTO_CLOSED are not final: the mismatch coming back is news.
     */
    public boolean settlesTheMismatch() {
        return this == ACCEPT || this == WRITE_OFF || this == REFUND;
    }

    public static List<Resolution> settling() {
        return Arrays.stream(values()).filter(Resolution::settlesTheMismatch).toList();
    }

    public static List<Resolution> byPersons() {
        return Arrays.stream(values()).filter(Resolution::byPerson).toList();
    }
}
