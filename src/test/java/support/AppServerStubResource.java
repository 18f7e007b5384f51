package support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;

/**
 * Starts the membership app server stub for the run's application and points the partner sync at
 * it. Registered once for every {@code @QuarkusTest} (no restart of its own); the scheduler is off
 * in tests, so the sync runs only when a test triggers it.
 */
public class AppServerStubResource implements QuarkusTestResourceLifecycleManager {
    private static AppServerStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new AppServerStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("sync.app-server.url", stub.url(), "sync.app-server.token", AppServerStub.TOKEN);
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    public static AppServerStub stub() {
        return stub;
    }
}
