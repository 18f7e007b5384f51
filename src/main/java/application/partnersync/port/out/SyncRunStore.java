package application.partnersync.port.out;

import domain.partnersync.SyncRun;
import java.util.List;

/** The runs' records, each change in the caller's transaction. */
public interface SyncRunStore {
    void started(SyncRun run);

    void finished(SyncRun run);

    List<SyncRun> latest(int limit);
}
