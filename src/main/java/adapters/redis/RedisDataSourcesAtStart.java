package adapters.redis;

import adapters.config.StartupGuard;
import io.quarkus.arc.ClientProxy;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Creates both Redis data sources on the main thread before the scheduler starts. Quarkus' Redis
 * client recorder keeps its clients in a plain {@code HashMap} filled by {@code computeIfAbsent}:
 * when the scheduler's first tick created the blocking data source (a job's lease) on a worker
 * thread while the start-up observer created the reactive one, the start failed with a
 * {@code ConcurrentModificationException} (seen under load in the packaged ITs and the benchmark).
 * Creating a data source opens no connection, so a Redis outage still does not stop the start.
 */
@ApplicationScoped
public class RedisDataSourcesAtStart {
    private final RedisDataSource blocking;
    private final ReactiveRedisDataSource reactive;

    RedisDataSourcesAtStart(RedisDataSource blocking, ReactiveRedisDataSource reactive) {
        this.blocking = blocking;
        this.reactive = reactive;
    }

    void create(@Observes @Priority(StartupGuard.FIRST) StartupEvent event) {
        ClientProxy.unwrap(blocking);
        ClientProxy.unwrap(reactive);
    }
}
