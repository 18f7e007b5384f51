package adapters.rest;

import application.shared.PageKey;
import domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of a paged list (D51): base64url, without padding, of {@code
 * v1.<list>.<position>.<id>}, the key of the last item of the page before (no id where the position
 * alone is unique). The list's name is part of
 * it, so a cursor of one list given to another is refused. Not signed: a cursor is no capability (each
 * page's query is scoped to the caller, as the first page's is), so a forged one can only start the
 * caller's own list at another place. Anything but a cursor this codec wrote, byte for byte, is a 400
 * problem, never a 500.
 */
final class PageCursor {
    static final String PARAMETER = "cursor";
    /** Far above any cursor written here (about 90 characters): a longer one is refused unread. */
    static final int MAX_LENGTH = 200;

    private static final String VERSION = "v1";
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageCursor() {}

    static String encode(String list, PageKey key) {
        String text = VERSION + "." + list + "." + key.position() + "." + (key.id() == null ? "" : key.id());
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key in {@code cursor}, or null for none.
     *
     * @throws InvalidValueException (field {@code cursor}) for anything {@link #encode} did not write
     *     for {@code list}
     */
    static PageKey decode(String list, String cursor) {
        if (cursor == null) {
            return null;
        }
        if (cursor.isEmpty()
                || cursor.length() > MAX_LENGTH
                || !BASE64URL.matcher(cursor).matches()) {
            throw invalid();
        }
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\.", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(list)) {
                throw invalid();
            }
            PageKey key = new PageKey(Long.parseLong(parts[2]), parts[3].isEmpty() ? null : UUID.fromString(parts[3]));
            // UUID.fromString and parseLong accept spellings encode never writes ("+1", "1-2-3-4-5")
            if (!encode(list, key).equals(cursor)) {
                throw invalid();
            }
            return key;
        } catch (IllegalArgumentException e) { // bad base64, number or UUID
            throw invalid();
        }
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException(
                PARAMETER, "cursor is not one this list handed out in a Link header; start again without it");
    }
}
