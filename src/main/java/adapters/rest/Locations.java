package adapters.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code Location} headers, root-relative ({@code /api/v1/...}; RFC 9110 §10.2.2 allows a relative
 * reference, resolved against the request's URL). JAX-RS's {@code location(URI)} and {@code
 * created(URI)} make a relative URI absolute from the request's {@code Host} header, which a client or
 * a proxy chooses: a spoofed Host came back in the Location (D67). The header is written as it is here
 * instead, like the paged lists' {@code Link} (D51).
 */
final class Locations {
    private Locations() {}

    /** {@code response} with {@code Location: path}; {@code path} starts with {@code /}. */
    static Response.ResponseBuilder at(Response.ResponseBuilder response, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a Location is root-relative: " + path);
        }
        return response.header(HttpHeaders.LOCATION, path);
    }

    /** 201 Created with {@code Location: path}. */
    static Response.ResponseBuilder created(String path) {
        return at(Response.status(Response.Status.CREATED), path);
    }
}
