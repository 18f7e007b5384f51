package domain.shared;

/**
 * What text the service can keep: PostgreSQL stores neither U+0000 nor a lone UTF-16 surrogate (half
 * of a character outside the Basic Multilingual Plane, which no UTF-8 encodes). The one place that
 * says so: client input holding such text is refused ({@code 400} at the JSON and parameter edge),
 * text a partner sends us is kept with the character replaced.
 */
public final class Text {
    /** What a character that cannot be stored becomes in text we keep from a partner. */
    public static final char REPLACEMENT = '\uFFFD';

    private Text() {}

    /** True when {@code value} (null included) can be stored as it is. */
    public static boolean isStorable(String value) {
        return value == null || firstUnstorable(value) < 0;
    }

    /** {@code value} with every character that cannot be stored replaced by {@link #REPLACEMENT}. */
    public static String storable(String value) {
        if (isStorable(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                out.append(REPLACEMENT);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @throws InvalidValueException naming {@code field} when {@code value} cannot be stored */
    public static String requireStorable(String field, String value) {
        if (!isStorable(value)) {
            throw new InvalidValueException(
                    field, field + " contains a character that cannot be stored (U+0000 or half of a surrogate pair)");
        }
        return value;
    }

    private static int firstUnstorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
