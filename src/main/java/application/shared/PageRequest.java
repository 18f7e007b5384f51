package application.shared;

/**
 * One page of a list: at most {@code limit} items, after {@code after} (null: from the start). The
 * REST adapter checks {@code limit} against {@link PageLimits}; here it only has to be positive.
 */
public record PageRequest(int limit, PageKey after) {
    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item: " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** How many rows a store reads: one more than the page, to learn whether another page follows. */
    public int probe() {
        return Math.addExact(limit, 1);
    }
}
