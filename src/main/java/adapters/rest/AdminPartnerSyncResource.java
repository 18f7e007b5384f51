package adapters.rest;

import application.partnersync.port.in.ListPartnerSyncRunsUseCase;
import application.partnersync.port.in.RunPartnerSyncUseCase;
import application.shared.Page;
import domain.partnersync.SyncRun;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The sync of bookings to the membership app server (docs/sync.md): run it now and see its last
 * runs. The scheduler runs it every {@code sync.every}; this runs it at once, under the same lease.
 */
@Path("/api/v1/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = ApiDocumentation.ADMIN)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class AdminPartnerSyncResource {
    /** Under the jobs' root, beside {@code /{name}/run} (a class of its own at this path would hide that). */
    static final String PATH = RunPartnerSyncUseCase.JOB;

    /** The runs' list name inside its cursors. */
    private static final String RUNS = "partner-sync-runs";

    private final RunPartnerSyncUseCase sync;
    private final ListPartnerSyncRunsUseCase runs;
    private final JsonWebToken caller;
    private final Pagination pagination;

    public AdminPartnerSyncResource(
            RunPartnerSyncUseCase sync, ListPartnerSyncRunsUseCase runs, JsonWebToken caller, Pagination pagination) {
        this.pagination = pagination;
        this.sync = sync;
        this.runs = runs;
        this.caller = caller;
    }

    /**
     * Runs the sync once and answers with the run's summary; {@code ran} is false (and {@code run}
     * null) when the sync is off ({@code DISABLED}) or another instance is running it
     * ({@code RUNNING_ELSEWHERE}).
     */
    @POST
    @Path(PATH)
    @Operation(
            operationId = "runPartnerSync",
            summary = "Sync bookings to the membership app server now",
            description = "Runs the sync once under its lease (docs/sync.md) and answers with the run. outcome "
                    + "DISABLED (no sync.app-server.url) or RUNNING_ELSEWHERE (another instance or call holds the "
                    + "lease): ran is false and run is null.")
    @APIResponse(
            responseCode = "200",
            description = "The run, or why none ran",
            content = @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = RunResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public RunResponse run() {
        RunPartnerSyncUseCase.Result result = sync.run(caller.getSubject());
        return new RunResponse(
                RunPartnerSyncUseCase.JOB,
                result.run() != null,
                result.outcome().name(),
                result.run() == null ? null : RunView.of(result.run()));
    }

    /** The runs, newest first, a page at a time (D51). */
    @GET
    @Path(PATH)
    @Operation(
            operationId = "listPartnerSyncRuns",
            summary = "List the partner sync runs",
            description = "The runs of the membership app server sync, newest first (docs/sync.md), a page at a "
                    + "time: when more follow, the Link header names the next page (rel=\"next\"); follow it "
                    + "until it is absent to read each run exactly once, also while new runs start.")
    @APIResponse(
            responseCode = "200",
            description = "One page of runs, newest first",
            headers = @Header(name = ApiDocumentation.LINK, ref = ApiDocumentation.LINK),
            content =
                    @Content(mediaType = ApiDocumentation.JSON, schema = @Schema(implementation = RunsResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response latest(
            @Parameter(ref = ApiDocumentation.LIMIT_PARAMETER) @QueryParam(Pagination.LIMIT) String limit,
            @Parameter(ref = ApiDocumentation.CURSOR_PARAMETER) @QueryParam(PageCursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        Page<SyncRun> page = runs.latest(pagination.request(RUNS, limit, cursor));
        return pagination.ok(
                new RunsResponse(page.items().stream().map(RunView::of).toList()), page, RUNS, uri);
    }

    @RegisterForReflection
    @Schema(name = "PartnerSyncRunResult", description = "A partner sync run asked for now, or why none ran")
    public record RunResponse(
            @Schema(required = true, enumeration = RunPartnerSyncUseCase.JOB)
            String job,

            @Schema(required = true, description = "false when the sync is off or another run holds its lease")
            boolean ran,

            @Schema(
                    required = true,
                    enumeration = {"RAN", "DISABLED", "RUNNING_ELSEWHERE"})
            String outcome,

            @Schema(nullable = true, description = "the run; null unless outcome is RAN")
            RunView run) {}

    @RegisterForReflection
    @Schema(name = "PartnerSyncRuns", description = "One page of the partner sync runs, newest first")
    public record RunsResponse(@Schema(required = true) List<RunView> runs) {}

    /** One run; {@code finishedAt} and {@code durationMs} are null while it is RUNNING. */
    @RegisterForReflection
    @Schema(name = "PartnerSyncRun", description = "One run of the membership app server sync")
    public record RunView(
            @Schema(required = true, format = "uuid") UUID id,

            @Schema(required = true, description = "scheduler, or the admin's sub", example = "scheduler")
            String requestedBy,

            @Schema(
                    required = true,
                    enumeration = {"RUNNING", "COMPLETED", "FAILED"},
                    description = "FAILED: a page failed (it is sent again by the next run)")
            String status,

            @Schema(required = true) Instant startedAt,

            @Schema(nullable = true, description = "null while RUNNING")
            Instant finishedAt,

            @Schema(nullable = true, format = "int64", minimum = "0", description = "null while RUNNING")
            Long durationMs,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "records read: new ones, and tracked ones re-read")
            long read,

            @Schema(required = true, format = "int64", minimum = "0", description = "records posted to the app server")
            long sent,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "new records the server accepted (its members' bookings)")
            long accepted,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "accepted records that can still change, now tracked")
            long tracked,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "tracked records found changed (sent again)")
            long changed,

            @Schema(required = true, format = "int64", minimum = "0", description = "changed records the server stored")
            long acknowledged,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "acknowledged records that are final, no longer tracked")
            long untracked,

            @Schema(required = true, format = "int32", minimum = "0", description = "pages that failed")
            int failedPages,

            @Schema(nullable = true, description = "the last failed page's reason")
            String failure) {
        static RunView of(SyncRun run) {
            return new RunView(
                    run.id(),
                    run.requestedBy(),
                    run.status().name(),
                    run.startedAt(),
                    run.finishedAt(),
                    run.duration() == null ? null : run.duration().toMillis(),
                    run.read(),
                    run.sent(),
                    run.accepted(),
                    run.tracked(),
                    run.changed(),
                    run.acknowledged(),
                    run.untracked(),
                    run.failedPages(),
                    run.failure());
        }
    }
}
