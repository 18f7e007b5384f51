package application.partnersync.port.in;

import application.shared.Page;
import application.shared.PageRequest;
import domain.partnersync.SyncRun;

public interface ListPartnerSyncRunsUseCase {
    /** One page of the runs, newest first (running ones included). */
    Page<SyncRun> latest(PageRequest page);
}
