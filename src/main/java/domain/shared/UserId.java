package domain.shared;

/** The identity provider's subject: 1 to 64 characters. */
public record UserId(String value) {
    public static final int MAX_LENGTH = 64;

    public UserId {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || value.isBlank()) {
            throw new InvalidValueException("sub", "a user id has 1 to " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
