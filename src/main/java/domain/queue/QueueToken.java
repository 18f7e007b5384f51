package domain.queue;

import domain.shared.InvalidValueException;
import domain.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The handle a fan holds for a place in a waiting room, self-describing and signed:
 * {@code <concertId>.<arrival>.<issuedAt ms>.<user, base64url>.<signature, base64url>}. The part
 * before the last dot is the {@linkplain QueueTokenClaims claims}; the signature (computed by an
 * adapter, see {@code application.queue.port.out.QueueTokenSigner}) makes the token unforgeable, so a token
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

    /**
     * Whether {@code candidate} has the shape of a token; lets callers refuse garbage before any
     * lookup. Only the shape: whether the user part decodes to a user id is vouched for by the
     * signature (this service signs only valid ones), so it is decoded when asked for.
     */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH) {
            return false;
        }
        int concertEnd = candidate.indexOf('.');
        int arrivalEnd = concertEnd < 0 ? -1 : candidate.indexOf('.', concertEnd + 1);
        int issuedEnd = arrivalEnd < 0 ? -1 : candidate.indexOf('.', arrivalEnd + 1);
        int userEnd = issuedEnd < 0 ? -1 : candidate.indexOf('.', issuedEnd + 1);
        return userEnd >= 0
                && isNumber(candidate, 0, concertEnd, 18)
                && candidate.charAt(0) != '0'
                && isNumber(candidate, concertEnd + 1, arrivalEnd, 19)
                && isNumber(candidate, arrivalEnd + 1, issuedEnd, 15)
                && userEnd - issuedEnd - 1 >= 2
                && isBase64Url(candidate, issuedEnd + 1, userEnd)
                && candidate.length() - userEnd - 1 == SIGNATURE_LENGTH
                && isBase64Url(candidate, userEnd + 1, candidate.length());
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

    /** The user the token was issued to (decoded now; refused if the part is not a user id). */
    public UserId userId() {
        UserId user = user(part(3));
        if (user == null) {
            throw new InvalidValueException("Queue-Token", "not a queue token");
        }
        return user;
    }

    /**
     * Whether a waiting room that does not know this token may put its fan back in line (D33): only
     * a token issued before the room's state in the store began ({@code roomSince}: the store lost
     * it since) and at most {@code window} before {@code now}. Once per fan and room, which the store
     * keeps count of. The store applies it inside its entry and lookup scripts; the port contract
     * tests prove the two agree.
     */
    public boolean isRestorable(Instant roomSince, Duration window, Instant now) {
        Instant issued = issuedAt();
        return issued.isBefore(roomSince) && !issued.plus(window).isBefore(now);
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

    private static boolean isNumber(String s, int from, int to, int maxDigits) {
        int length = to - from;
        if (length < 1 || length > maxDigits || (length > 1 && s.charAt(from) == '0')) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(String s, int from, int to) {
        for (int i = from; i < to; i++) {
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
