package adapters.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose {@code Content-Length} is over {@code quarkus.http.limits.max-body-size} gets 413
 * as problem+json before any of it is read (Vert.x itself would answer a bare 413). A chunked body
 * that grows past the limit is still cut off by Vert.x, with its bare 413: its size is unknown here.
 */
@ApplicationScoped
public class BodyLimitHandler {
    private final long maxBytes;

    public BodyLimitHandler(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length == null || !tooLong(length)) {
            ctx.next();
            return;
        }
        ctx.response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(new JsonObject()
                        .put("type", "urn:concert-booking:problem:body-too-large")
                        .put("title", "Content Too Large")
                        .put("status", 413)
                        .put("detail", "request bodies are limited to " + maxBytes + " bytes")
                        .put("instance", ctx.normalizedPath())
                        .encode());
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
