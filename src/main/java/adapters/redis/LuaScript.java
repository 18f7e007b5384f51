package adapters.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lua script from {@code src/main/resources/redis}, run by EVALSHA. When Redis has forgotten it
 * (a restart, SCRIPT FLUSH), it is loaded again and the call retried once.
 */
final class LuaScript {
    private final String source;
    private volatile String sha;

    private LuaScript(String source) {
        this.source = source;
    }

    /** One script made of these files in order (a file of shared functions first, then the script). */
    static LuaScript load(String... names) {
        StringBuilder source = new StringBuilder();
        for (String name : names) {
            try (InputStream in = LuaScript.class.getResourceAsStream("/redis/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing Lua script redis/" + name);
                }
                source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new LuaScript(source.toString());
    }

    Response run(RedisDataSource redis, List<String> keys, String... args) {
        String current = sha;
        if (current == null) {
            current = reload(redis);
        }
        try {
            return redis.execute("EVALSHA", arguments(current, keys, args));
        } catch (RuntimeException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            return redis.execute("EVALSHA", arguments(reload(redis), keys, args));
        }
    }

    /** {@link #run} without blocking: the reply arrives on the caller's event loop. */
    Uni<Response> runLater(ReactiveRedisDataSource redis, List<String> keys, String... args) {
        String current = sha;
        Uni<String> known = current != null ? Uni.createFrom().item(current) : reloadLater(redis);
        return known.chain(s -> redis.execute("EVALSHA", arguments(s, keys, args)))
                .onFailure(LuaScript::isNoScript)
                .recoverWithUni(() ->
                        reloadLater(redis).chain(s -> redis.execute("EVALSHA", arguments(s, keys, args))));
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT");
    }

    private Uni<String> reloadLater(ReactiveRedisDataSource redis) {
        return redis.execute("SCRIPT", "LOAD", source).map(loaded -> {
            sha = loaded.toString();
            return sha;
        });
    }

    private String reload(RedisDataSource redis) {
        String loaded = redis.execute("SCRIPT", "LOAD", source).toString();
        sha = loaded;
        return loaded;
    }

    private static String[] arguments(String sha, List<String> keys, String... args) {
        List<String> all = new ArrayList<>(2 + keys.size() + args.length);
        all.add(sha);
        all.add(Integer.toString(keys.size()));
        all.addAll(keys);
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }
}
