package contracts.ports;

import application.queue.port.out.QueueStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@QuarkusTest
class RedisQueueStoreContractTest extends QueueStoreContract {
    @Inject
    QueueStore store;

    @ConfigProperty(name = "queue.waiting-ttl")
    Duration waitingTtl;

    @ConfigProperty(name = "queue.restore-window")
    Duration restoreWindow;

    @Override
    protected QueueStore store() {
        return store;
    }

    @Override
    protected Duration waitingTtl() {
        return waitingTtl;
    }

    @Override
    protected Duration restoreWindow() {
        return restoreWindow;
    }
}
