package application.partnersync;

import application.partnersync.port.in.ListPartnerSyncRunsUseCase;
import application.partnersync.port.out.SyncRunStore;
import application.shared.Page;
import application.shared.PageRequest;
import domain.partnersync.SyncRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ListPartnerSyncRunsService implements ListPartnerSyncRunsUseCase {
    private final SyncRunStore runs;

    public ListPartnerSyncRunsService(SyncRunStore runs) {
        this.runs = runs;
    }

    @Override
    @Transactional
    public Page<SyncRun> latest(PageRequest page) {
        return runs.latest(page);
    }
}
