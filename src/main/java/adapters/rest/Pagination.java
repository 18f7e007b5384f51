package adapters.rest;

import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageLimits;
import application.shared.PageRequest;
import domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST side of every paged list (D51): reads {@code limit} (pagination.default-limit when absent,
 * 1 … pagination.max-limit) and the opaque {@code cursor} ({@link PageCursor}) into a {@link
 * PageRequest}, and answers a page with its items as the body and, when more follow, {@code Link:
 * <…>; rel="next"} (RFC 8288): the request's own path and query (every filter and the limit as the
 * caller sent them) with the next cursor in place of the old one. The URL is root-relative, so it never
 * depends on a Host header a proxy may have rewritten.
 */
@ApplicationScoped
public class Pagination {
    static final String LIMIT = "limit";
    static final String LINK = "Link";

    private final PageLimits limits;

    public Pagination(PageLimits limits) {
        this.limits = limits;
    }

    /** The page asked for by the raw {@code limit} and {@code cursor} query parameters of {@code list}. */
    PageRequest request(String list, String limit, String cursor) {
        Integer size = null;
        if (limit != null) {
            try {
                size = Integer.valueOf(limit);
            } catch (NumberFormatException e) {
                throw new InvalidValueException(LIMIT, limits.outOfRange());
            }
        }
        return limits.request(size, PageCursor.decode(list, cursor));
    }

    /** 200 with {@code body} and, when {@code page} has a next key, the Link to the page after it. */
    Response ok(Object body, Page<?> page, String list, UriInfo uri) {
        return ok(body, page.next(), list, uri);
    }

    /**
     * 200 with {@code body} and, when {@code next} is set, the Link to the page after it: for a list whose
     * use case answers its own page type (the body then carries its own {@code next}).
     */
    Response ok(Object body, Optional<PageKey> next, String list, UriInfo uri) {
        return ok(body, next, list, uri, Map.of());
    }

    /**
     * As {@link #ok(Object, Optional, String, UriInfo)}, with the query parameters of {@code pinned} set
     * to these values in the Link whatever the caller sent (a filter's default spelled out, a value in
     * its canonical spelling), in the map's order before the cursor.
     */
    Response ok(Object body, Optional<PageKey> next, String list, UriInfo uri, Map<String, String> pinned) {
        Response.ResponseBuilder response = Response.ok(body);
        next.ifPresent(key -> response.header(LINK, next(uri.getRequestUri(), cursor(list, key), pinned)));
        return response.build();
    }

    /** The opaque cursor of {@code key} in {@code list}, for a body that names the next page too. */
    static String cursor(String list, PageKey key) {
        return PageCursor.encode(list, key);
    }

    /** {@code <path?query>; rel="next"}: the request's query without its cursor, plus the next one. */
    static String next(URI request, String cursor) {
        return next(request, cursor, Map.of());
    }

    /**
     * {@code <path?query>; rel="next"}: the request's query without its cursor and the {@code pinned}
     * names, then the pinned parameters, then the next cursor.
     */
    static String next(URI request, String cursor, Map<String, String> pinned) {
        List<String> query = new ArrayList<>();
        String raw = request.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String parameter : raw.split("&")) {
                String name = parameter.split("=", 2)[0];
                if (!parameter.isEmpty() && !name.equals(PageCursor.PARAMETER) && !pinned.containsKey(name)) {
                    query.add(parameter);
                }
            }
        }
        pinned.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        query.add(PageCursor.PARAMETER + "=" + cursor);
        return "<" + request.getRawPath() + "?" + String.join("&", query) + ">; rel=\"next\"";
    }
}
