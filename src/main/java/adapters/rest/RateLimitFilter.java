package adapters.rest;

import application.shared.RateLimitedException;
import application.shared.port.out.RateLimiter;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts each call of a {@link RateLimited} endpoint against its route's buckets ({@link RateLimits})
 * with one non-blocking Redis round trip, before the body is read and before the endpoint runs;
 * over a limit it answers 429 with Retry-After at once. (The waiting-room endpoints are not
 * annotated: their calls are counted by the queue store's own script, D30.)
 *
 * <p>When Redis cannot answer, a route with {@code fail-open=true} lets the call through uncounted
 * (logged once per outage); otherwise the failure is answered like any store outage: 503 with
 * Retry-After.
 */
@ApplicationScoped
public class RateLimitFilter {
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final RateLimits limits;
    private final CurrentIdentityAssociation identities;
    private final Map<Method, RateLimits.Plan> plans = new ConcurrentHashMap<>();
    private final AtomicBoolean limiterDown = new AtomicBoolean();

    public RateLimitFilter(RateLimiter limiter, RateLimits limits, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.limits = limits;
        this.identities = identities;
    }

    @RateLimited
    @ServerRequestFilter
    public Uni<Response> limit(ResourceInfo resource, HttpServerRequest request, UriInfo uri) {
        if (!limits.enabled()) {
            return Uni.createFrom().nullItem();
        }
        RateLimits.Plan plan =
                plans.computeIfAbsent(resource.getResourceMethod(), m -> plan(m, resource.getResourceClass()));
        String address = plan.perAddress() == null ? null : RateLimits.clientAddress(request);
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithItem((SecurityIdentity) null) // an invalid token: counted per address, 401 later
                .chain(identity -> Uni.createFrom()
                        .completionStage(limiter.acquire(plan.route(), plan.buckets("", subject(identity), address))))
                .map(nothing -> {
                    if (limiterDown.compareAndSet(true, false)) {
                        LOG.info("rate limiter: Redis answers again, calls are counted again");
                    }
                    return (Response) null;
                })
                .onFailure()
                .recoverWithUni(failure -> refusedOrThrough(plan, failure, uri));
    }

    private Uni<Response> refusedOrThrough(RateLimits.Plan plan, Throwable failure, UriInfo uri) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof RateLimitedException limited) {
            limits.refused(plan.route(), limited);
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

    private RateLimits.Plan plan(Method method, Class<?> resourceClass) {
        RateLimited annotation = method.getAnnotation(RateLimited.class);
        if (annotation == null) {
            annotation = resourceClass.getAnnotation(RateLimited.class);
        }
        return limits.plan(
                annotation == null || annotation.value().isEmpty()
                        ? adapters.config.RateLimitConfig.DEFAULT_ROUTE
                        : annotation.value());
    }

    private static String subject(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }
}
