package application.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A page of a keyset-paged list: its items in the list's order and, when more follow, the key of
 * its last item ({@code next}) to ask for the page after it.
 */
public record Page<T>(List<T> items, Optional<PageKey> next) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page out of the {@link PageRequest#probe()} rows a store read in the list's order: the
     * first {@code limit}, and a next key only when a row beyond them exists.
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<? super T, PageKey> key) {
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, request.limit());
        return new Page<>(items, Optional.of(key.apply(items.getLast())));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), next);
    }
}
