package application.partnersync.port.in;

import domain.partnersync.SyncRun;

/**
 * Runs the sync of bookings to the membership app server once (docs/sync.md): section 1 sends the
 * new reservations page by page and tracks the accepted ones that can still change; section 2
 * re-sends tracked records that changed. One run at a time across instances.
 */
public interface RunPartnerSyncUseCase {
    /** The job's name: its lease, its scheduler identity, its admin path. */
    String JOB = "partner-sync";

    /** @param requestedBy "scheduler", or the admin's subject */
    Result run(String requestedBy);

    /** {@code run} is null when nothing ran: the sync is off, or another instance is running it. */
    record Result(Outcome outcome, SyncRun run) {}

    enum Outcome {
        RAN,
        /** sync.app-server.url is not set. */
        DISABLED,
        /** Another instance (or thread) holds the job's lease. */
        RUNNING_ELSEWHERE
    }
}
