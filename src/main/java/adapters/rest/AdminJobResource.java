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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs a background job now. For platforms that scale to zero (no in-process scheduler runs) a
 * cloud scheduler calls this with the {@code Job-Trigger-Secret} header; an admin token works too.
 */
@Path("/api/v1/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocumentation.ADMIN)
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
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @SecurityRequirement(name = ApiDocumentation.JOB_TRIGGER)
    @Operation(
            operationId = "runJob",
            summary = "Run a scheduled job now",
            description = "Runs the job under its lease; ran is false when it did no work, and reason says why "
                    + "(another instance held the lease and did the work, or the job is off here). For platforms without an in-process scheduler: an admin token, or the "
                    + "Job-Trigger-Secret header (jobs.trigger-secret).")
    @APIResponse(
            responseCode = "200",
            description = "The job's run",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = JobRunResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No such job: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public JobRunResponse run(
            @Parameter(
                            description = "the job",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "queue-admission",
                                                "queue-token-expiry",
                                                "hold-expiry",
                                                "idempotency-retention",
                                                "outbox-relay",
                                                "outbox-prune",
                                                "topup-sweeper",
                                                "topup-order-retention",
                                                "reconciliation",
                                                "partner-sync"
                                            }))
                    @PathParam("name")
                    String name,
            @Parameter(hidden = true) @HeaderParam(SECRET_HEADER) String presented) {
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

    /** {@code ran} is false when the job did no work, {@code reason} says why (D67). */
    @Schema(name = "JobRun", description = "What a job run did")
    public record JobRunResponse(
            @Schema(required = true, example = "hold-expiry")
            String job,

            @Schema(required = true, description = "false when the job did no work; reason says why")
            boolean ran,

            @Schema(required = true, format = "int64", minimum = "0", description = "how many items it handled")
            long processed,

            @Schema(
                    nullable = true,
                    enumeration = {"LEASE_HELD", "DISABLED", "RUNNING_ELSEWHERE"},
                    description = "null when it ran; LEASE_HELD: another instance held the job's lease and did the"
                            + " work; DISABLED: the job is off on this deployment (partner-sync without"
                            + " sync.app-server.url); RUNNING_ELSEWHERE: another partner sync run holds its lease")
            String reason) {
        static JobRunResponse from(RunJobUseCase.Result result) {
            return new JobRunResponse(
                    result.job(),
                    result.ran(),
                    result.processed(),
                    result.notRunBecause() == null
                            ? null
                            : result.notRunBecause().name());
        }
    }
}
