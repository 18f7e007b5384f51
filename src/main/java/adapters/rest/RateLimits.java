package adapters.rest;

import adapters.config.RateLimitConfig;
import application.shared.RateLimit;
import application.shared.RateLimitedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code rate-limit.*} routes as buckets of a call (per user: the JWT's {@code sub}; per client
 * address), and the count of refusals. Used by {@link RateLimitFilter} for {@link RateLimited}
 * endpoints, and by the waiting-room endpoints, which hand their buckets to the queue store so the
 * call is counted in the same Redis step that serves it (one round trip on the hottest paths, D30).
 *
 * <p>The client address is the TCP peer as Vert.x reports it: Quarkus replaces it with the
 * forwarded address only when {@code quarkus.http.proxy.proxy-address-forwarding} is on (and
 * {@code quarkus.http.proxy.trusted-proxies} names the proxy), so a client cannot pick its own
 * bucket with an {@code X-Forwarded-For} header. IPv6 clients are counted per /64 (one host's
 * usual share).
 */
@ApplicationScoped
public class RateLimits {
    static final String PER_USER = "per user";
    static final String PER_ADDRESS = "per client address";

    private final RateLimitConfig config;
    private final MeterRegistry metrics;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    public RateLimits(RateLimitConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
        RateLimitPlans.validate(config);
    }

    boolean enabled() {
        return config.enabled();
    }

    /** The route's plan ({@code rate-limit.<route>}, or the default block under the route's name). */
    Plan plan(String route) {
        return plans.computeIfAbsent(route, r -> RateLimitPlans.of(r, config));
    }

    /**
     * The buckets a call of {@code route} counts in, for a store that counts them itself: their keys
     * name the route. Empty when the limiter is off.
     */
    List<RateLimit> forStore(String route, String subject, HttpServerRequest request) {
        if (!config.enabled()) {
            return List.of();
        }
        Plan plan = plan(route);
        return plan.buckets(route + ":", subject, plan.perAddress() == null ? null : clientAddress(request));
    }

    /** Counts a 429 in {@code booking_rate_limited{route, limit}}. */
    void refused(String route, RateLimitedException limited) {
        refused.computeIfAbsent(
                        route + "|" + limited.limit(),
                        key -> Counter.builder("booking_rate_limited")
                                .description("calls refused with 429, by route and limit")
                                .tag("route", route)
                                .tag("limit", limited.limit().replace(' ', '-'))
                                .register(metrics))
                .increment();
    }

    /** The peer's address; an IPv6 peer by its /64, since one host usually has a whole /64. */
    static String clientAddress(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        String host = peer == null ? null : peer.hostAddress();
        if (host == null || host.isEmpty()) {
            return "unknown";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /** A route's buckets, resolved once per route. */
    record Plan(String route, RateLimit perUser, RateLimit perAddress, boolean failOpen) {
        /** The call's buckets, keyed {@code <keyPrefix>u:<subject>} and {@code <keyPrefix>a:<address>}. */
        List<RateLimit> buckets(String keyPrefix, String subject, String address) {
            List<RateLimit> buckets = new ArrayList<>(2);
            if (perUser != null && subject != null) {
                buckets.add(new RateLimit(
                        perUser.limit(), keyPrefix + "u:" + subject, perUser.intervalMicros(), perUser.burst()));
            }
            if (perAddress != null && address != null) {
                buckets.add(new RateLimit(
                        perAddress.limit(),
                        keyPrefix + "a:" + address,
                        perAddress.intervalMicros(),
                        perAddress.burst()));
            }
            return buckets;
        }
    }
}
