package adapters.rest;

import domain.shared.Text;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A path or query parameter that decodes to text the database cannot store ({@code %00}; see
 * {@link Text}) is refused before any resource runs: without this a filter such as
 * {@code ?provider=a%00b} reached PostgreSQL and failed there. A query parameter is a 400 naming it;
 * a path parameter is a 404, as every malformed id in a path is (no such resource can exist). Percent-decoding turns
 * invalid UTF-8 into U+FFFD, so U+0000 is the only such character a URL can carry; requests without
 * {@code %00} pay one scan of the raw URI.
 */
public class StorableParametersFilter {

    @ServerRequestFilter
    public void refuseUnstorable(UriInfo uri) {
        String raw =
                uri.getRequestUri().getRawPath() + "?" + uri.getRequestUri().getRawQuery();
        if (!raw.contains("%00")) {
            return;
        }
        for (List<String> values : uri.getPathParameters().values()) {
            if (values.stream().anyMatch(v -> !Text.isStorable(v))) {
                throw new jakarta.ws.rs.NotFoundException();
            }
        }
        check(uri.getQueryParameters(), "query parameter ");
    }

    private static void check(MultivaluedMap<String, String> parameters, String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                Text.requireStorable(kind + parameter.getKey(), value);
            }
            Text.requireStorable(kind + "name", parameter.getKey());
        }
    }
}
