package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * Request rates per route ({@code rate-limit.<route>.*}), shared by every instance through Redis.
 * A route without a block of its own is limited as {@code rate-limit.default}.
 */
@ConfigMapping(prefix = "rate-limit")
public interface RateLimitConfig {
    /** The name of the block that routes without one of their own use. */
    String DEFAULT_ROUTE = "default";

    /** Off: no call is counted or refused (benchmark A/B runs). */
    @WithDefault("true")
    boolean enabled();

    @WithParentName
    Map<String, Route> routes();

    interface Route {
        /** Per caller (the JWT's {@code sub}); absent: no per-user limit on the route. */
        @WithName("per-user")
        Optional<Limit> perUser();

        /** Per client address (the TCP peer, or the forwarded address behind a trusted proxy). */
        @WithName("per-address")
        Optional<Limit> perAddress();

        /**
         * When Redis cannot answer: {@code true} lets the call through uncounted (the route's own
         * rules still hold), {@code false} answers 503 with Retry-After.
         */
        @WithName("fail-open")
        @WithDefault("false")
        boolean failOpen();
    }

    interface Limit {
        /** Sustained calls per second (decimals allowed, e.g. 0.5; at most 1,000,000). */
        double rate();

        /** Calls allowed at once after a quiet spell (1 or more). */
        int burst();
    }
}
