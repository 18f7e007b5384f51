package domain.shared;

/** An aggregate that does not exist, or that the caller may not see (the two are not told apart). */
public final class NotFoundException extends DomainException {
    private final String kind;
    private final String id;

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " was not found");
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
