package domain.shared;

/** Root of every rule the domain refuses. Subclasses carry the data a caller needs to explain it. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }
}
