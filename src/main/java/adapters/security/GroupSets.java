package adapters.security;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared immutable set per distinct combination of groups: thousands of cached fan tokens carry
 * the same {@code ["user"]}, so they point at one set instead of a copy each. Bounded: past
 * {@link #MAX_KNOWN} distinct combinations, new ones are not remembered (each token then keeps its
 * own copy), so hostile tokens with made-up groups cannot grow it.
 */
final class GroupSets {
    static final int MAX_KNOWN = 256;
    private final ConcurrentHashMap<Set<String>, Set<String>> known = new ConcurrentHashMap<>();

    /** An immutable set equal to {@code groups} (null elements dropped), shared when seen before. */
    Set<String> canonical(Set<String> groups) {
        Set<String> found = known.get(groups);
        if (found != null) {
            return found;
        }
        Set<String> copy = Set.copyOf(groups.stream().filter(Objects::nonNull).toList());
        if (known.size() >= MAX_KNOWN) {
            return copy;
        }
        Set<String> raced = known.putIfAbsent(copy, copy);
        return raced == null ? copy : raced;
    }

    int size() {
        return known.size();
    }
}
