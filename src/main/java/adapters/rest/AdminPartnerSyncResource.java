package adapters.rest;

import application.partnersync.port.in.ListPartnerSyncRunsUseCase;
import application.partnersync.port.in.RunPartnerSyncUseCase;
import domain.partnersync.SyncRun;
import domain.shared.InvalidValueException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The sync of bookings to the membership app server (docs/sync.md): run it now and see its last
 * runs. The scheduler runs it every {@code sync.every}; this runs it at once, under the same lease.
 */
@Path("/api/v1/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminPartnerSyncResource {
    /** Under the jobs' root, beside {@code /{name}/run} (a class of its own at this path would hide that). */
    static final String PATH = RunPartnerSyncUseCase.JOB;

    private static final int DEFAULT_LIMIT = 20;

    private final RunPartnerSyncUseCase sync;
    private final ListPartnerSyncRunsUseCase runs;
    private final JsonWebToken caller;

    public AdminPartnerSyncResource(RunPartnerSyncUseCase sync, ListPartnerSyncRunsUseCase runs, JsonWebToken caller) {
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
    public RunResponse run() {
        RunPartnerSyncUseCase.Result result = sync.run(caller.getSubject());
        return new RunResponse(
                RunPartnerSyncUseCase.JOB,
                result.run() != null,
                result.outcome().name(),
                result.run() == null ? null : RunView.of(result.run()));
    }

    /** The latest runs, newest first ({@code limit} 1 … 100, default 20). */
    @GET
    @Path(PATH)
    public RunsResponse latest(@QueryParam("limit") String limit) {
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("limit", "limit is a whole number, got '" + limit + "'");
            }
        }
        return new RunsResponse(runs.latest(n).stream().map(RunView::of).toList());
    }

    @RegisterForReflection
    public record RunResponse(String job, boolean ran, String outcome, RunView run) {}

    @RegisterForReflection
    public record RunsResponse(List<RunView> runs) {}

    /** One run; {@code finishedAt} and {@code durationMs} are null while it is RUNNING. */
    @RegisterForReflection
    public record RunView(
            UUID id,
            String requestedBy,
            String status,
            Instant startedAt,
            Instant finishedAt,
            Long durationMs,
            long read,
            long sent,
            long accepted,
            long tracked,
            long changed,
            long acknowledged,
            long untracked,
            int failedPages,
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
