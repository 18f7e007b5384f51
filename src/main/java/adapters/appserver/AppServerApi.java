package adapters.appserver;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The membership app server's sync endpoint (docs/sync.md). Built programmatically by {@link
 * AppServerClient} with the configured base URL and timeouts; answers are read by status.
 */
@Path("/sync/records")
public interface AppServerApi {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, AppServerDtos.Batch batch);
}
