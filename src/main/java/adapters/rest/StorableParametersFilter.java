package adapters.rest;

import domain.shared.Text;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A path or query parameter that decodes to text the database cannot store ({@code %00}; see
 * {@link Text}) is refused as a 400 naming the parameter, before any resource runs: without this a
 * filter such as {@code ?provider=a%00b} reached PostgreSQL and failed there. Percent-decoding turns
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
        check(uri.getPathParameters(), "path parameter ");
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
