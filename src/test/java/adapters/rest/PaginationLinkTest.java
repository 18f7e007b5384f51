package adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaginationLinkTest {
    @Test
    void theNextLinkKeepsTheQueryAndReplacesTheCursor() {
        assertEquals(
                "</api/v1/concerts?limit=2&cursor=abc>; rel=\"next\"",
                Pagination.next(URI.create("http://host/api/v1/concerts?limit=2&cursor=old"), "abc"));
    }

    @Test
    void pinnedParametersReplaceWhatTheCallerSentOrFillInTheDefault() {
        Map<String, String> pinned = new LinkedHashMap<>();
        pinned.put("status", "open");
        assertEquals(
                "</api/v1/admin/reconciliations/cases?limit=1&status=open&cursor=abc>; rel=\"next\"",
                Pagination.next(URI.create("http://host/api/v1/admin/reconciliations/cases?limit=1"), "abc", pinned));
        assertEquals(
                "</x?limit=1&status=open&cursor=abc>; rel=\"next\"",
                Pagination.next(URI.create("http://host/x?status=OPEN&limit=1&cursor=zz"), "abc", pinned));
    }

    @Test
    void aPinnedValueIsPercentEncoded() {
        assertEquals(
                "</x?q=a+b%26c&cursor=abc>; rel=\"next\"",
                Pagination.next(URI.create("http://host/x"), "abc", Map.of("q", "a b&c")));
    }
}
