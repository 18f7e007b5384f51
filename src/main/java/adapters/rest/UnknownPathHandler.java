package adapters.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A path that no resource or Quarkus endpoint serves gets a problem+json 404 too, not an HTML page. */
@ApplicationScoped
public class UnknownPathHandler {
    void install(@Observes Router router) {
        router.route()
                .order(Integer.MAX_VALUE)
                .handler(ctx -> ctx.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(new JsonObject()
                                .put("type", "about:blank")
                                .put("title", "Not Found")
                                .put("status", 404)
                                .put("detail", "no resource at this path")
                                .put("instance", ctx.normalizedPath())
                                .encode()));
    }
}
