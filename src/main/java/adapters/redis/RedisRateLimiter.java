package adapters.redis;

import adapters.config.BookingConfig;
import application.shared.RateLimit;
import application.shared.RateLimitedException;
import application.shared.port.out.RateLimiter;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The buckets of a call checked and counted by one EVALSHA of {@code rate-limit.lua} (GCRA, {@code gcra.lua}) on the
 * reactive client: one round trip, no thread blocked. Keys are {@code <prefix>{rl:<route>}:<key>};
 * the hash tag puts a route's buckets in one slot, so the script stays legal on a Redis Cluster.
 */
@ApplicationScoped
public class RedisRateLimiter implements RateLimiter {
    private static final LuaScript LIMIT = LuaScript.load("gcra.lua", "rate-limit.lua");
    private static final String THROTTLED = "THROTTLED ";

    private final ReactiveRedisDataSource reactive;
    private final String prefix;

    public RedisRateLimiter(ReactiveRedisDataSource reactive, BookingConfig.Queue config) {
        this.reactive = reactive;
        this.prefix = config.redis().keyPrefix();
    }

    @Override
    public CompletionStage<Void> acquire(String route, List<RateLimit> buckets) {
        if (buckets.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        List<String> keys = new ArrayList<>(buckets.size());
        String[] args = new String[buckets.size() * 2];
        for (int i = 0; i < buckets.size(); i++) {
            RateLimit bucket = buckets.get(i);
            keys.add(prefix + "{rl:" + route + "}:" + bucket.key());
            args[2 * i] = Long.toString(bucket.intervalMicros());
            args[2 * i + 1] = Integer.toString(bucket.burst());
        }
        return LIMIT.runLater(reactive, keys, args)
                .onFailure(RedisRateLimiter::isThrottled)
                .transform(failure -> throttled(failure, buckets))
                .<Void>replaceWith((Void) null)
                .subscribeAsCompletionStage();
    }

    static boolean isThrottled(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().contains(THROTTLED);
    }

    /** {@code THROTTLED <µs> <1-based bucket index>} from the script's error reply. */
    static RateLimitedException throttled(Throwable failure, List<RateLimit> buckets) {
        String message = failure.getMessage();
        String[] parts = message.substring(message.indexOf(THROTTLED) + THROTTLED.length())
                .trim()
                .split("\\s+");
        long micros = Long.parseLong(parts[0]);
        int index = Integer.parseInt(parts[1]);
        return new RateLimitedException(buckets.get(index - 1).limit(), Duration.ofNanos(micros * 1_000));
    }
}
