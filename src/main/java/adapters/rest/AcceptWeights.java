package adapters.rest;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code Accept} weights of zero (RFC 9110 §12.5.1: {@code q=0} means "not acceptable"). The framework
 * picks an operation's media type by the ranges' names alone, so {@code Accept: application/json;q=0}
 * was answered with JSON; here an operation none of whose {@code @Produces} types the caller accepts
 * with a weight above zero answers 406 (a problem, {@code about:blank}) before it runs (D67). Each type
 * is weighed by the most specific range that matches it ({@code type/subtype} over {@code type/*} over
 * {@code *}{@code /*}); a type no range matches weighs zero. No {@code Accept} (or one that does not parse,
 * left to the framework): nothing to check.
 */
public class AcceptWeights {

    @ServerRequestFilter
    public void refuseWhatTheCallerRefuses(HttpHeaders headers, ResourceInfo resource, UriInfo uri) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("q=0") || resource.getResourceMethod() == null) {
            return; // only a weight that starts with 0 can be zero
        }
        String[] produced = produced(resource.getResourceMethod(), resource.getResourceClass());
        if (produced.length == 0) {
            return; // the operation negotiates itself (the ticket)
        }
        for (String type : produced) {
            if (weight(accept, MediaType.valueOf(type)) > 0) {
                return;
            }
        }
        throw new NotAcceptableException();
    }

    private static String[] produced(Method method, Class<?> type) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null && type != null) {
            produces = type.getAnnotation(Produces.class);
        }
        return produces == null ? new String[0] : produces.value();
    }

    /**
     * The weight {@code accept} gives {@code type}: the q of the most specific range matching it, 0
     * when none does; 1 when the header does not parse (the framework answers such headers itself).
     */
    static double weight(String accept, MediaType type) {
        int best = -1;
        double weight = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = name.indexOf('/');
            if (name.isEmpty()) {
                continue;
            }
            if (slash <= 0 || slash == name.length() - 1) {
                return 1;
            }
            String mainType = name.substring(0, slash);
            String subtype = name.substring(slash + 1);
            int specificity;
            if (mainType.equals("*") && subtype.equals("*")) {
                specificity = 0;
            } else if (mainType.equalsIgnoreCase(type.getType()) && subtype.equals("*")) {
                specificity = 1;
            } else if (mainType.equalsIgnoreCase(type.getType()) && subtype.equalsIgnoreCase(type.getSubtype())) {
                specificity = 2;
            } else {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        return 1;
                    }
                }
            }
            if (specificity > best) {
                best = specificity;
                weight = q;
            }
        }
        return weight;
    }
}
