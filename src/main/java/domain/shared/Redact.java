package domain.shared;

/**
 * What of a payment identifier may appear in a log line: its first and last four characters, enough
 * to find the payment at the PG's console, not enough to present it again. The one place that decides
 * this; every log statement that names a paymentKey or an orderId goes through it.
 */
public final class Redact {
    static final int SHOWN = 4;
    private static final String GAP = "…";

    private Redact() {}

    /** {@code "tpk_…a1b2"}; a value of 12 characters or fewer shows nothing but its length. */
    public static String key(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= 3 * SHOWN) {
            return "*".repeat(Math.min(value.length(), 3 * SHOWN));
        }
        return value.substring(0, SHOWN) + GAP + value.substring(value.length() - SHOWN);
    }

    /** {@code text} with every occurrence of each value replaced by {@link #key(String)} of it (an exception's message, a URL). */
    public static String within(String text, String... values) {
        if (text == null) {
            return "null";
        }
        String result = text;
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                result = result.replace(value, key(value));
            }
        }
        return result;
    }
}
