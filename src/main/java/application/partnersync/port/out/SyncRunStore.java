package application.partnersync.port.out;

import application.shared.Page;
import application.shared.PageRequest;
import domain.partnersync.SyncRun;

/** The runs' records, each change in the caller's transaction. */
public interface SyncRunStore {
    void started(SyncRun run);

    void finished(SyncRun run);

    /**
     * One page of the runs, newest first: by {@code startedAt} then id, both descending ({@link
     * application.shared.PageKey#at}), after {@code page.after()}.
     */
    Page<SyncRun> latest(PageRequest page);
}
