package application.partnersync;

import application.partnersync.port.in.ListPartnerSyncRunsUseCase;
import application.partnersync.port.out.SyncRunStore;
import domain.partnersync.SyncRun;
import domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class ListPartnerSyncRunsService implements ListPartnerSyncRunsUseCase {
    private final SyncRunStore runs;

    public ListPartnerSyncRunsService(SyncRunStore runs) {
        this.runs = runs;
    }

    @Override
    @Transactional
    public List<SyncRun> latest(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit is a whole number between 1 and " + MAX_LIMIT);
        }
        return runs.latest(limit);
    }
}
