package adapters.rest;

import adapters.config.RateLimitConfig;
import application.port.RateLimitedException;
import application.port.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts each call of a {@link RateLimited} endpoint against its route's buckets (per user: the
 * JWT's {@code sub}; per client address) with one non-blocking Redis round trip, before the body is
 * read and before the endpoint runs; over a limit it answers 429 with Retry-After at once.
 *
 * <p>The client address is the TCP peer as Vert.x reports it: Quarkus replaces it with the
 * forwarded address only when {@code quarkus.http.proxy.proxy-address-forwarding} is on (and
 * {@code quarkus.http.proxy.trusted-proxies} names the proxy), so a client cannot pick its own
 * bucket with an {@code X-Forwarded-For} header. IPv6 clients are counted per /64 (one host's
 * usual share).
 *
 * <p>When Redis cannot answer, a route with {@code fail-open=true} lets the call through
 * uncounted (logged once per outage); otherwise the failure is answered like any store outage:
 * 503 with Retry-After.
 */
@ApplicationScoped
public class RateLimitFilter {
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    static final String PER_USER = "per user";
    static final String PER_ADDRESS = "per client address";

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identities;
    private final MeterRegistry metrics;
    private final Map<Method, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final AtomicBoolean limiterDown = new AtomicBoolean();

    public RateLimitFilter(
            RateLimiter limiter, RateLimitConfig config, CurrentIdentityAssociation identities, MeterRegistry metrics) {
        this.limiter = limiter;
        this.config = config;
        this.identities = identities;
        this.metrics = metrics;
        RateLimitPlans.validate(config);
    }

    @RateLimited
    @ServerRequestFilter
    public Uni<Response> limit(ResourceInfo resource, HttpServerRequest request, UriInfo uri) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        Plan plan = plans.computeIfAbsent(resource.getResourceMethod(), m -> plan(m, resource.getResourceClass()));
        String address = plan.perAddress() == null ? null : clientAddress(request);
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithItem((SecurityIdentity) null) // an invalid token: counted per address, 401 later
                .chain(identity -> Uni.createFrom()
                        .completionStage(limiter.acquire(plan.route(), plan.buckets(subject(identity), address))))
                .map(nothing -> {
                    if (limiterDown.compareAndSet(true, false)) {
                        LOG.info("rate limiter: Redis answers again, calls are counted again");
                    }
                    return (Response) null;
                })
                .onFailure()
                .recoverWithUni(failure -> refusedOrThrough(plan, failure, uri));
    }

    private Uni<Response> refusedOrThrough(Plan plan, Throwable failure, UriInfo uri) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof RateLimitedException limited) {
            refused.computeIfAbsent(
                            plan.route() + "|" + limited.limit(),
                            key -> Counter.builder("booking_rate_limited")
                                    .description("calls refused with 429, by route and limit")
                                    .tag("route", plan.route())
                                    .tag("limit", limited.limit().replace(' ', '-'))
                                    .register(metrics))
                    .increment();
            return Uni.createFrom().item(ProblemMapper.tooManyRequests(limited, uri.getPath()));
        }
        if (plan.failOpen() && DependencyFailure.isOutage(cause)) {
            if (limiterDown.compareAndSet(false, true)) {
                LOG.warnf(
                        "rate limiter: Redis unavailable (%s); fail-open routes let calls through uncounted until it is back",
                        cause.toString());
            }
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().failure(cause);
    }

    private Plan plan(Method method, Class<?> resourceClass) {
        RateLimited annotation = method.getAnnotation(RateLimited.class);
        if (annotation == null) {
            annotation = resourceClass.getAnnotation(RateLimited.class);
        }
        String route =
                annotation == null || annotation.value().isEmpty() ? RateLimitConfig.DEFAULT_ROUTE : annotation.value();
        return RateLimitPlans.of(route, config);
    }

    private static String subject(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
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

    /** A route's buckets, resolved once per endpoint method. */
    record Plan(String route, RateLimiter.Bucket perUser, RateLimiter.Bucket perAddress, boolean failOpen) {
        List<RateLimiter.Bucket> buckets(String subject, String address) {
            List<RateLimiter.Bucket> buckets = new ArrayList<>(2);
            if (perUser != null && subject != null) {
                buckets.add(new RateLimiter.Bucket(
                        perUser.limit(), "u:" + subject, perUser.intervalMicros(), perUser.burst()));
            }
            if (perAddress != null && address != null) {
                buckets.add(new RateLimiter.Bucket(
                        perAddress.limit(), "a:" + address, perAddress.intervalMicros(), perAddress.burst()));
            }
            return buckets;
        }
    }
}
