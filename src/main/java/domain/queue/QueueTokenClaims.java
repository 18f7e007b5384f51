package domain.queue;

import domain.shared.InvalidValueException;
import domain.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * What a queue token says, and what its signature vouches for: whose it is, for which concert,
 * the fan's place in arrival order and when it was issued. With these a waiting room that lost its
 * state can put a returning fan back where they stood (decisions D33).
 *
 * @param arrival the arrival order: issue time in ms × 1000 plus a per-instance counter, so it keeps
 *     rising across a loss of the store (no counter in the store to lose)
 */
public record QueueTokenClaims(UserId userId, long concertId, long arrival, Instant issuedAt) {
    public QueueTokenClaims {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(issuedAt);
        if (concertId < 1 || arrival < 0 || issuedAt.toEpochMilli() < 0) {
            throw new InvalidValueException("Queue-Token", "not a queue token");
        }
    }

    /** The signed text: {@code <concertId>.<arrival>.<issuedAt ms>.<user id, UTF-8, base64url>}. */
    public String payload() {
        return concertId
                + "."
                + arrival
                + "."
                + issuedAt.toEpochMilli()
                + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(userId.value().getBytes(StandardCharsets.UTF_8));
    }
}
