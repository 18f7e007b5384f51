package adapters.rest;

import adapters.config.RateLimitConfig;
import application.shared.RateLimit;
import java.util.Optional;

/** Turns {@code rate-limit.*} into bucket templates, and refuses nonsense at startup. */
final class RateLimitPlans {
    static final double MAX_RATE = 1_000_000;

    private RateLimitPlans() {}

    /** Every block must be usable, and the default block must exist: a new route is never unlimited. */
    static void validate(RateLimitConfig config) {
        RateLimitConfig.Route fallback = config.routes().get(RateLimitConfig.DEFAULT_ROUTE);
        if (fallback == null
                || (fallback.perUser().isEmpty() && fallback.perAddress().isEmpty())) {
            throw new IllegalStateException("rate-limit.default.per-user.rate/.burst (and/or .per-address) must be set:"
                    + " routes without a block of their own are limited by it");
        }
        config.routes().keySet().forEach(route -> of(route, config));
    }

    /** The route's own block, or the default block under the route's name (its buckets are its own). */
    static RateLimits.Plan of(String route, RateLimitConfig config) {
        RateLimitConfig.Route settings = config.routes().get(route);
        if (settings == null) {
            settings = config.routes().get(RateLimitConfig.DEFAULT_ROUTE);
        }
        if (settings == null) {
            throw new IllegalStateException("rate-limit." + route + " is not configured, nor rate-limit.default");
        }
        return new RateLimits.Plan(
                route,
                bucket(route, "per-user", RateLimits.PER_USER, settings.perUser()),
                bucket(route, "per-address", RateLimits.PER_ADDRESS, settings.perAddress()),
                settings.failOpen());
    }

    private static RateLimit bucket(
            String route, String kind, String limit, Optional<RateLimitConfig.Limit> configured) {
        if (configured.isEmpty()) {
            return null;
        }
        double rate = configured.get().rate();
        int burst = configured.get().burst();
        if (!(rate > 0) || rate > MAX_RATE || burst < 1) {
            throw new IllegalStateException("rate-limit." + route + "." + kind
                    + ": rate must be above 0 and at most " + (long) MAX_RATE
                    + " per second, burst at least 1 (got rate="
                    + rate + ", burst=" + burst + ")");
        }
        long interval = Math.max(1, Math.round(1_000_000 / rate));
        return new RateLimit(limit, "", interval, burst);
    }
}
