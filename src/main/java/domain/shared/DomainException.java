package domain.shared;

/**
 * Root of every rule the domain refuses. Subclasses carry the data a caller needs to explain it.
 *
 * <p>A refusal is an answer, not a fault: it becomes a problem response and is never logged with a
 * trace, so none is captured. Under contention most requests end in one (a hold on a hot seat is
 * refused 99 times in 100), and walking a hundred framework frames for each showed in the
 * profiles (docs/performance.md).
 */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
