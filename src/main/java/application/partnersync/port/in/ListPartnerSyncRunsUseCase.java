package application.partnersync.port.in;

import domain.partnersync.SyncRun;
import java.util.List;

public interface ListPartnerSyncRunsUseCase {
    int MAX_LIMIT = 100;

    /** The latest runs, newest first (running ones included). */
    List<SyncRun> latest(int limit);
}
