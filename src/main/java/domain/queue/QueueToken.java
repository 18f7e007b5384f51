package domain.queue;

import domain.shared.InvalidValueException;
import java.util.Base64;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The handle a fan holds for a place in a waiting room: {@code <concertId>.<128 random bits,
 * base64url>}. The concert part only routes the lookup; the random part makes it unguessable, and
 * the waiting room binds the whole token to one user.
 */
public record QueueToken(String value) {
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,17})\\.[A-Za-z0-9_-]{22}");

    public QueueToken {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("Queue-Token", "not a queue token");
        }
    }

    public long concertId() {
        return Long.parseLong(value.substring(0, value.indexOf('.')));
    }

    /** Whether {@code candidate} has the shape of a token; lets callers refuse garbage before any lookup. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    public static QueueToken generate(long concertId, RandomGenerator random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new QueueToken(
                concertId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
