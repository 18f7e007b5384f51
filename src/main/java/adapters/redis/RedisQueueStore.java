package adapters.redis;

import adapters.config.BookingConfig;
import application.queue.port.out.QueueStore;
import application.shared.RateLimit;
import domain.concert.Inventory;
import domain.queue.QueueStatus;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.queue.SaleOpening;
import domain.queue.WaitingRoomStats;
import domain.shared.UserId;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The waiting rooms on Redis sorted sets. Per concert: a waiting set scored by arrival order (FIFO;
 * ZRANK + 1 is the position; the order comes from the signed token, D33), an active set scored by
 * expiry time, and the hashes binding user ↔ token. Every change is one Lua script, so it is atomic
 * however many instances call it. A concert's keys share the hash tag {@code {c<id>}}. Redis is a
 * copy: the caps come from PostgreSQL (D32) and a lost line is rebuilt from the tokens fans return
 * with (D33).
 */
@ApplicationScoped
public class RedisQueueStore implements QueueStore {
    private static final LuaScript ENTER = LuaScript.load("gcra.lua", "restore.lua", "enter.lua");
    private static final LuaScript FIND = LuaScript.load("gcra.lua", "restore.lua", "find.lua");
    private static final LuaScript SET_CAPACITY = LuaScript.load("set-capacity.lua");
    private static final LuaScript RELEASE = LuaScript.load("release.lua");
    private static final LuaScript ADMIT = LuaScript.load("admit.lua");
    private static final LuaScript STATS = LuaScript.load("stats.lua");
    private static final LuaScript FREEZE = LuaScript.load("pre-queue-freeze.lua");
    private static final LuaScript PLACE = LuaScript.load("pre-queue-place.lua");

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final String prefix;
    private final Duration waitingTtl;
    private final String restoreWindowMillis;

    public RedisQueueStore(RedisDataSource redis, ReactiveRedisDataSource reactive, BookingConfig.Queue config) {
        this.redis = redis;
        this.reactive = reactive;
        this.prefix = config.redis().keyPrefix();
        this.waitingTtl = config.waitingTtl();
        // a window of 0 restores nothing (no token is less than -1 ms old)
        long window = config.restoreWindow().toMillis();
        this.restoreWindowMillis = window > 0 ? Long.toString(window) : "-1";
    }

    List<String> keys(long concertId) {
        String room = prefix + "{c" + concertId + "}:";
        return List.of(
                room + "waiting",
                room + "active",
                room + "user-token",
                room + "token-user",
                room + "since",
                room + "max-active",
                room + "rate",
                registry(),
                room + "waiting-seen",
                room + "max-active-version",
                room + "restored",
                room + "pre-queue",
                room + "pre-queue-frozen",
                room + "opened",
                room + "sold-out",
                room + "pre-queue-floor");
    }

    private String registry() {
        return prefix + "rooms";
    }

    @Override
    public Entry enter(Arrival arrival) {
        return entered(arrival, ENTER.run(redis, keys(arrival.concertId()), enterArguments(arrival)));
    }

    @Override
    public CompletionStage<Entry> enterLater(Arrival arrival) {
        List<RateLimit> limits = arrival.limits();
        return ENTER.runLater(
                        reactive, limited(arrival.concertId(), limits), limitArguments(enterArguments(arrival), limits))
                .onFailure(RedisRateLimiter::isThrottled)
                .transform(failure -> RedisRateLimiter.throttled(failure, limits))
                .map(r -> entered(arrival, r))
                .subscribeAsCompletionStage();
    }

    /**
     * The room's keys and then the call's rate-limit buckets, in the room's hash slot (so one script
     * may touch them all on a Redis Cluster): a waiting room's limits are counted per room.
     */
    private List<String> limited(long concertId, List<RateLimit> limits) {
        List<String> keys = keys(concertId);
        if (limits.isEmpty()) {
            return keys;
        }
        List<String> all = new ArrayList<>(keys.size() + limits.size());
        all.addAll(keys);
        String room = prefix + "{c" + concertId + "}:rl:";
        for (RateLimit bucket : limits) {
            all.add(room + bucket.key());
        }
        return all;
    }

    /** The script's own arguments, then per bucket its emission interval (µs) and burst (gcra.lua). */
    private static String[] limitArguments(String[] arguments, List<RateLimit> limits) {
        if (limits.isEmpty()) {
            return arguments;
        }
        String[] all = Arrays.copyOf(arguments, arguments.length + 2 * limits.size());
        for (int i = 0; i < limits.size(); i++) {
            all[arguments.length + 2 * i] = Long.toString(limits.get(i).intervalMicros());
            all[arguments.length + 2 * i + 1] = Integer.toString(limits.get(i).burst());
        }
        return all;
    }

    private String[] enterArguments(Arrival arrival) {
        QueueToken returning = arrival.returning().orElse(null);
        return new String[] {
            arrival.userId().value(),
            arrival.candidate().value(),
            Long.toString(arrival.now().toEpochMilli()),
            Integer.toString(arrival.defaultMaxActive()),
            Long.toString(arrival.activeTtl().toMillis()),
            Long.toString(arrival.concertId()),
            Long.toString(arrival.candidate().arrival()),
            returning == null ? "" : returning.value(),
            returning == null ? "" : Long.toString(returning.arrival()),
            returning == null ? "" : Long.toString(returning.issuedAt().toEpochMilli()),
            restoreWindowMillis,
            arrival.opensAt() == null ? "" : Long.toString(SaleOpening.floor(arrival.opensAt()))
        };
    }

    private static Entry entered(Arrival arrival, Response r) {
        QueueTicket ticket = ticket(
                new QueueToken(r.get(0).toString()),
                arrival.userId(),
                arrival.concertId(),
                r.get(2),
                r.get(3),
                r.get(4));
        return new Entry(view(ticket, r.get(5), r.get(6)), r.get(1).toInteger() == 1);
    }

    @Override
    public Optional<View> find(QueueToken token, Instant now, int defaultMaxActive) {
        return found(token, FIND.run(redis, keys(token.concertId()), findArguments(token, now, defaultMaxActive)));
    }

    @Override
    public CompletionStage<Optional<View>> findLater(
            QueueToken token, Instant now, int defaultMaxActive, List<RateLimit> limits) {
        return FIND.runLater(
                        reactive,
                        limited(token.concertId(), limits),
                        limitArguments(findArguments(token, now, defaultMaxActive), limits))
                .onFailure(RedisRateLimiter::isThrottled)
                .transform(failure -> RedisRateLimiter.throttled(failure, limits))
                .map(r -> found(token, r))
                .subscribeAsCompletionStage();
    }

    private String[] findArguments(QueueToken token, Instant now, int defaultMaxActive) {
        return new String[] {
            token.value(),
            Long.toString(now.toEpochMilli()),
            Integer.toString(defaultMaxActive),
            Long.toString(token.concertId()),
            token.userId().value(),
            Long.toString(token.arrival()),
            Long.toString(token.issuedAt().toEpochMilli()),
            restoreWindowMillis
        };
    }

    private static Optional<View> found(QueueToken token, Response r) {
        if (r == null || r.size() == 0) {
            return Optional.empty();
        }
        QueueTicket ticket =
                ticket(token, new UserId(r.get(0).toString()), token.concertId(), r.get(1), r.get(2), r.get(3));
        return Optional.of(view(ticket, r.get(4), r.get(5)));
    }

    @Override
    public void release(QueueToken token) {
        RELEASE.run(redis, keys(token.concertId()), token.value(), "");
    }

    @Override
    public void releaseUser(long concertId, UserId userId) {
        RELEASE.run(redis, keys(concertId), "", userId.value());
    }

    @Override
    public long admit(
            long concertId, Instant now, int defaultMaxActive, Duration activeTtl, Inventory.Verdict inventory) {
        return admission(concertId, now, defaultMaxActive, activeTtl, true, inventory)
                .get(0)
                .toLong();
    }

    @Override
    public long expireActive(long concertId, Instant now) {
        return admission(concertId, now, 0, Duration.ZERO, false, Inventory.Verdict.OPEN)
                .get(1)
                .toLong();
    }

    @Override
    public long freezePreQueue(long concertId, long floor) {
        return FREEZE.run(redis, keys(concertId), Long.toString(floor), Long.toString(concertId))
                .toLong();
    }

    @Override
    public List<QueueToken> frozenPreQueue(long concertId, long from, int count) {
        List<QueueToken> tokens = new ArrayList<>(count);
        if (count <= 0) {
            return tokens;
        }
        for (Response member : redis.execute(
                "ZRANGE", keys(concertId).get(12), Long.toString(from), Long.toString(from + count - 1))) {
            tokens.add(new QueueToken(member.toString()));
        }
        return tokens;
    }

    @Override
    public long placePreQueue(long concertId, List<Placement> placements) {
        if (placements.isEmpty()) {
            return 0;
        }
        String[] arguments = new String[2 * placements.size()];
        for (int i = 0; i < placements.size(); i++) {
            arguments[2 * i] = Long.toString(placements.get(i).order());
            arguments[2 * i + 1] = placements.get(i).token().value();
        }
        return PLACE.run(redis, keys(concertId), arguments).toLong();
    }

    @Override
    public void dropFrozenPreQueue(long concertId) {
        redis.execute("DEL", keys(concertId).get(12));
    }

    private Response admission(
            long concertId,
            Instant now,
            int defaultMaxActive,
            Duration ttl,
            boolean admit,
            Inventory.Verdict inventory) {
        return ADMIT.run(
                redis,
                keys(concertId),
                Long.toString(now.toEpochMilli()),
                Integer.toString(defaultMaxActive),
                Long.toString(ttl.toMillis()),
                Long.toString(concertId),
                admit ? "1" : "0",
                Long.toString(waitingTtl.toMillis()),
                inventory.name());
    }

    @Override
    public Set<Long> concertsInQueue() {
        Set<Long> concerts = new HashSet<>();
        for (Response member : redis.execute("SMEMBERS", registry())) {
            concerts.add(member.toLong());
        }
        return concerts;
    }

    @Override
    public WaitingRoomStats stats(long concertId, Instant now, int defaultMaxActive) {
        Response r = STATS.run(
                redis, keys(concertId), Long.toString(now.toEpochMilli()), Integer.toString(defaultMaxActive));
        return new WaitingRoomStats(
                concertId, r.get(0).toLong(), r.get(1).toLong(), r.get(2).toInteger());
    }

    @Override
    public void setMaxActive(long concertId, int maxActive, long version) {
        SET_CAPACITY.run(redis, keys(concertId), Integer.toString(maxActive), Long.toString(version));
    }

    private static QueueTicket ticket(
            QueueToken token, UserId userId, long concertId, Response status, Response position, Response expiresAt) {
        return switch (QueueStatus.valueOf(status.toString())) {
            case ACTIVE ->
                QueueTicket.active(token, userId, concertId, Instant.ofEpochMilli((long)
                        Double.parseDouble(expiresAt.toString())));
            case SOLD_OUT -> QueueTicket.soldOut(token, userId, concertId);
            // no position yet: in the pre-queue of a sale not yet opened (D52)
            case WAITING ->
                position.toString().isEmpty()
                        ? QueueTicket.preQueued(token, userId, concertId)
                        : QueueTicket.waiting(token, userId, concertId, position.toLong());
        };
    }

    private static View view(QueueTicket ticket, Response rate, Response maxActive) {
        return new View(ticket, Double.parseDouble(rate.toString()), maxActive.toInteger());
    }
}
