package application.queue;

import application.queue.port.out.QueueTokenSigner;
import domain.queue.QueueAccessDeniedException;
import domain.queue.QueueAccessDeniedException.Reason;
import domain.queue.QueueToken;
import domain.queue.QueueTokenClaims;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues signed queue tokens and checks presented ones (D33). A token's arrival order is its issue
 * time in ms × 1000, raised past the last one this instance issued: it rises across a loss of the
 * queue store (new arrivals queue behind fans who return with older tokens) without a counter that
 * could be lost. Fans arriving in the same millisecond on two instances tie, and the store orders
 * ties by token.
 */
@ApplicationScoped
public class QueueTokens {
    private final QueueTokenSigner signer;
    private final AtomicLong lastArrival = new AtomicLong();

    public QueueTokens(QueueTokenSigner signer) {
        this.signer = signer;
    }

    public QueueToken issue(UserId userId, long concertId, Instant now) {
        long arrival = lastArrival.accumulateAndGet(
                Math.multiplyExact(now.toEpochMilli(), 1000), (last, time) -> Math.max(last + 1, time));
        QueueTokenClaims claims = new QueueTokenClaims(userId, concertId, arrival, now);
        String payload = claims.payload();
        return QueueToken.of(claims, signer.sign(payload));
    }

    /**
     * The presented token if this service signed it; a missing one is {@code MISSING}, anything
     * else that is not ours (malformed, altered, forged) is {@code UNKNOWN}, the answer an ended
     * token gets: a forger learns nothing more.
     */
    public QueueToken verify(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new QueueAccessDeniedException(Reason.MISSING);
        }
        if (!QueueToken.isWellFormed(raw)) {
            throw new QueueAccessDeniedException(Reason.UNKNOWN);
        }
        QueueToken token = new QueueToken(raw); // checks the shape again: ~0.1 µs, for a record's guarantee
        if (!signer.verifies(token.payload(), token.signature())) {
            throw new QueueAccessDeniedException(Reason.UNKNOWN);
        }
        return token;
    }
}
