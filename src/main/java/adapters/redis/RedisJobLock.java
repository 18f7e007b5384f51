package adapters.redis;

import adapters.config.BookingConfig;
import application.shared.port.out.JobLock;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Leases as {@code SET key owner NX PX ttl}; given back only by their owner (compare-and-delete). */
@ApplicationScoped
public class RedisJobLock implements JobLock {
    private static final LuaScript RELEASE = LuaScript.load("release-lease.lua");

    private final RedisDataSource redis;
    private final String prefix;

    public RedisJobLock(RedisDataSource redis, BookingConfig.Queue config) {
        this.redis = redis;
        this.prefix = config.redis().keyPrefix() + "job-lease:";
    }

    @Override
    public Optional<Lease> tryAcquire(String job, Duration ttl) {
        String key = prefix + job;
        String owner = UUID.randomUUID().toString();
        Response set = redis.execute("SET", key, owner, "NX", "PX", Long.toString(ttl.toMillis()));
        if (set == null) {
            return Optional.empty();
        }
        return Optional.of(() -> RELEASE.run(redis, List.of(key), owner));
    }
}
