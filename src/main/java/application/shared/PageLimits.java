package application.shared;

import domain.shared.Configured;
import domain.shared.InvalidValueException;

/**
 * {@code pagination.*}: the page size of a list when the caller names none, and the largest a caller
 * may ask for (a larger {@code limit} is a 400, never silently cut).
 */
public record PageLimits(int defaultLimit, int maxLimit) implements Configured {
    public PageLimits {
        if (maxLimit < 1) {
            throw new IllegalArgumentException("pagination.max-limit must be at least 1: " + maxLimit);
        }
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("pagination.default-limit must be between 1 and pagination.max-limit ("
                    + maxLimit + "): " + defaultLimit);
        }
    }

    /**
     * The page a caller asked for: {@code limit} items ({@link #defaultLimit} when null) after {@code
     * after} (null: the first page).
     *
     * @throws InvalidValueException (field {@code limit}) when the limit is outside 1 … {@link #maxLimit}
     */
    public PageRequest request(Integer limit, PageKey after) {
        int size = limit == null ? defaultLimit : limit;
        if (size < 1 || size > maxLimit) {
            throw new InvalidValueException("limit", outOfRange());
        }
        return new PageRequest(size, after);
    }

    /** What a wrong {@code limit} is told. */
    public String outOfRange() {
        return "limit is a whole number between 1 and " + maxLimit;
    }
}
