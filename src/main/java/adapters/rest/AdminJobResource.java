package adapters.rest;

import adapters.config.BookingConfig;
import application.jobs.port.in.RunJobUseCase;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Runs a background job now. For platforms that scale to zero (no in-process scheduler runs) a
 * cloud scheduler calls this with the {@code Job-Trigger-Secret} header; an admin token works too.
 */
@Path("/api/v1/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class AdminJobResource {
    static final String SECRET_HEADER = "Job-Trigger-Secret";

    private final RunJobUseCase jobs;
    private final SecurityIdentity identity;
    private final Optional<String> secret;

    public AdminJobResource(RunJobUseCase jobs, SecurityIdentity identity, BookingConfig.Jobs config) {
        this.jobs = jobs;
        this.identity = identity;
        this.secret = config.triggerSecret().filter(s -> !s.isBlank());
    }

    @POST
    @Path("/{name}/run")
    @PermitAll
    public JobRunResponse run(@PathParam("name") String name, @HeaderParam(SECRET_HEADER) String presented) {
        if (!secretMatches(presented)) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!identity.hasRole("admin")) {
                throw new ForbiddenException();
            }
        }
        return JobRunResponse.from(jobs.run(name));
    }

    private boolean secretMatches(String presented) {
        return presented != null
                && secret.isPresent()
                && MessageDigest.isEqual(
                        secret.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code ran} is false when another instance held the job's lease and did the work. */
    public record JobRunResponse(String job, boolean ran, long processed) {
        static JobRunResponse from(RunJobUseCase.Result result) {
            return new JobRunResponse(result.job(), result.ran(), result.processed());
        }
    }
}
