package domain.shared;

/** The identity provider's subject: 1 to 64 characters, none of them a control character, all storable. */
public record UserId(String value) {
    public static final int MAX_LENGTH = 64;

    public UserId {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || value.isBlank()) {
            throw new InvalidValueException("sub", "a user id has 1 to " + MAX_LENGTH + " characters");
        }
        if (!isWellFormed(value)) {
            throw new InvalidValueException("sub", "a user id has no control characters and no lone surrogates");
        }
    }

    /** The rule of a user id, also applied to a token's {@code sub} before any resource sees it. */
    public static boolean isValid(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_LENGTH && isWellFormed(value);
    }

    private static boolean isWellFormed(String value) {
        return Text.isStorable(value) && value.chars().noneMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return value;
    }
}
