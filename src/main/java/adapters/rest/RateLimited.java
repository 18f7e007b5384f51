package adapters.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint's calls are counted against {@code rate-limit.<value>.*} (per user and per client
 * address) before anything else runs; over the limit: 429 problem+json with Retry-After. A route
 * name without a configuration block of its own uses {@code rate-limit.default}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
    /** The route's name in the configuration, e.g. {@code hold}. */
    String value() default "";
}
