package domain.shared;

/** A value that breaks a domain invariant (negative money, empty title, ...). */
public final class InvalidValueException extends DomainException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
