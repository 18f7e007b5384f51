package adapters.rest;

import adapters.config.DependencyOutage;

/** Tells an outage of PostgreSQL or Redis (answer 503, try later) from a bug (answer 500); see {@link DependencyOutage}. */
final class DependencyFailure {
    private DependencyFailure() {}

    static boolean isOutage(Throwable failure) {
        return DependencyOutage.isOutage(failure);
    }

    /** Where the framework reads a request body on a worker thread; its I/O errors are the client's. */
    private static final String BODY_READER = "org.jboss.resteasy.reactive.server.vertx.VertxInputStream";

    private static final int MAX_DEPTH = 32;

    /**
     * The request's body did not arrive: the client stopped sending it for {@code quarkus.http.read-timeout}
     * ("Read timed out") or went away half way. An I/O error like a data store's, but thrown by the
     * framework's body reader: the client's doing, never a dependency outage (D67).
     */
    static boolean isIncompleteBody(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().startsWith(BODY_READER)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
