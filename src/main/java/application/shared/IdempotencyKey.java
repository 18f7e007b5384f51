package application.shared;

import domain.shared.InvalidValueException;
import domain.shared.UserId;
import java.util.Objects;
import java.util.regex.Pattern;

/** A client's Idempotency-Key, scoped to its user and operation so keys never collide across them. */
public record IdempotencyKey(UserId userId, String operation, String key) {
    public static final int MAX_LENGTH = 128;
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public IdempotencyKey {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(operation);
        if (key == null || !FORMAT.matcher(key).matches()) {
            throw new InvalidValueException(
                    "Idempotency-Key",
                    "an Idempotency-Key header of 1 to " + MAX_LENGTH + " visible ASCII characters is required");
        }
    }
}
