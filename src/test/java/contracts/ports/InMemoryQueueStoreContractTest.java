package contracts.ports;

import application.fakes.InMemoryQueueStore;
import application.queue.port.out.QueueStore;
import java.time.Duration;

class InMemoryQueueStoreContractTest extends QueueStoreContract {
    private final InMemoryQueueStore store =
            new InMemoryQueueStore(InMemoryQueueStore.DEFAULT_WAITING_TTL, InMemoryQueueStore.DEFAULT_RESTORE_WINDOW);

    @Override
    protected QueueStore store() {
        return store;
    }

    @Override
    protected Duration waitingTtl() {
        return InMemoryQueueStore.DEFAULT_WAITING_TTL;
    }

    @Override
    protected Duration restoreWindow() {
        return InMemoryQueueStore.DEFAULT_RESTORE_WINDOW;
    }
}
