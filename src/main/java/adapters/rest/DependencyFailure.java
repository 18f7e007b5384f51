package adapters.rest;

import adapters.config.DependencyOutage;

/** Tells an outage of PostgreSQL or Redis (answer 503, try later) from a bug (answer 500); see {@link DependencyOutage}. */
final class DependencyFailure {
    private DependencyFailure() {}

    static boolean isOutage(Throwable failure) {
        return DependencyOutage.isOutage(failure);
    }
}
