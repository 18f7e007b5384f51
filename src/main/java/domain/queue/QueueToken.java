package domain.queue;

import domain.shared.InvalidValueException;
import domain.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The handle a fan holds for a place in a waiting room, self-describing and signed:
 * {@code <concertId>.<arrival>.<issuedAt ms>.<user, base64url>.<signature, base64url>}. The part
 * before the last dot is the {@linkplain QueueTokenClaims claims}; the signature (computed by an
 * adapter, see {@code application.port.QueueTokenSigner}) makes the token unforgeable, so a token
 * that the waiting room's store has lost can be trusted to say whose it was and where they stood.
 * Clients treat it as an opaque string.
 */
public record QueueToken(String value) {
    /** Longer than any token this service issues (a 64-character user id in UTF-8 included). */
    public static final int MAX_LENGTH = 400;

    public static final int SIGNATURE_LENGTH = 22;

    public QueueToken {
        if (!isWellFormed(value)) {
            throw new InvalidValueException("Queue-Token", "not a queue token");
        }
    }

    /** A token for {@code claims} with its signature over {@link QueueTokenClaims#payload()}. */
    public static QueueToken of(QueueTokenClaims claims, String signature) {
        return new QueueToken(claims.payload() + "." + signature);
    }

    /** Whether {@code candidate} has the shape of a token; lets callers refuse garbage before any lookup. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH) {
            return false;
        }
        String[] parts = candidate.split("\\.", -1);
        return parts.length == 5
                && isPositiveNumber(parts[0], 18)
                && isNumber(parts[1], 19)
                && isNumber(parts[2], 15)
                && isBase64Url(parts[3])
                && user(parts[3]) != null
                && parts[4].length() == SIGNATURE_LENGTH
                && isBase64Url(parts[4]);
    }

    public long concertId() {
        return Long.parseLong(part(0));
    }

    /** The fan's place in arrival order (smaller came first), fixed when the token was issued. */
    public long arrival() {
        return Long.parseLong(part(1));
    }

    public Instant issuedAt() {
        return Instant.ofEpochMilli(Long.parseLong(part(2)));
    }

    public UserId userId() {
        return user(part(3));
    }

    public QueueTokenClaims claims() {
        return new QueueTokenClaims(userId(), concertId(), arrival(), issuedAt());
    }

    /** The signed part: everything before the last dot. */
    public String payload() {
        return value.substring(0, value.lastIndexOf('.'));
    }

    public String signature() {
        return value.substring(value.lastIndexOf('.') + 1);
    }

    private String part(int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = value.indexOf('.', start) + 1;
        }
        int end = value.indexOf('.', start);
        return value.substring(start, end < 0 ? value.length() : end);
    }

    private static UserId user(String encoded) {
        try {
            return new UserId(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | InvalidValueException e) {
            return null;
        }
    }

    private static boolean isPositiveNumber(String s, int maxDigits) {
        return isNumber(s, maxDigits) && s.charAt(0) != '0';
    }

    private static boolean isNumber(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
