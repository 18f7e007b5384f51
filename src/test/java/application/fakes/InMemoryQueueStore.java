package application.fakes;

import application.queue.port.out.QueueStore;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.queue.WaitingRoomStats;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The waiting rooms in memory, one synchronized method per Lua script of {@code
 * src/main/resources/redis}: FIFO waiting line, ACTIVE tokens scored by expiry (an expiry at or
 * before {@code now} has ended), immediate admission when nobody waits and a slot is free, an
 * ended token forgotten by {@code find}, and the smoothed admission rate of {@code admit.lua}.
 */
public final class InMemoryQueueStore implements QueueStore {
    private static final class Room {
        final LinkedHashSet<QueueToken> waiting = new LinkedHashSet<>();
        final Map<QueueToken, Instant> active = new HashMap<>();
        final Map<UserId, QueueToken> userToken = new HashMap<>();
        final Map<QueueToken, UserId> tokenUser = new HashMap<>();
        Integer maxActive;
        long maxActiveVersion;
        double rate;
        Instant lastRound;

        int max(int defaultMaxActive) {
            return maxActive != null ? maxActive : defaultMaxActive;
        }

        long position(QueueToken token) {
            long position = 1;
            for (QueueToken waiter : waiting) {
                if (waiter.equals(token)) {
                    return position;
                }
                position++;
            }
            return 0;
        }

        long liveActive(Instant now) {
            return active.values().stream()
                    .filter(expiry -> expiry.isAfter(now))
                    .count();
        }

        /** The waiting set of Redis is scored by arrival order. */
        void sortByArrival() {
            List<QueueToken> sorted = new ArrayList<>(waiting);
            sorted.sort(java.util.Comparator.comparingLong(QueueToken::arrival).thenComparing(QueueToken::value));
            waiting.clear();
            waiting.addAll(sorted);
        }

        void forget(QueueToken token) {
            UserId user = tokenUser.remove(token);
            if (user != null && token.equals(userToken.get(user))) {
                userToken.remove(user);
            }
        }
    }

    private final Map<Long, Room> rooms = new HashMap<>();
    private final Set<Long> registry = new HashSet<>();

    @Override
    public synchronized Entry enter(Arrival arrival) {
        long concertId = arrival.concertId();
        UserId userId = arrival.userId();
        QueueToken candidate = arrival.candidate();
        Instant now = arrival.now();
        Room room = room(concertId);
        int max = room.max(arrival.defaultMaxActive());
        QueueToken existing = room.userToken.get(userId);
        if (existing != null) {
            if (room.waiting.contains(existing)) {
                return entry(
                        QueueTicket.waiting(existing, userId, concertId, room.position(existing)), room, max, false);
            }
            Instant expires = room.active.get(existing);
            if (expires != null && expires.isAfter(now)) {
                return entry(QueueTicket.active(existing, userId, concertId, expires), room, max, false);
            }
            // the old token ended (expired, not yet swept): forget it and start again
            room.active.remove(existing);
            room.tokenUser.remove(existing);
        }
        room.userToken.put(userId, candidate);
        room.tokenUser.put(candidate, userId);
        registry.add(concertId);
        if (room.waiting.isEmpty() && room.liveActive(now) < max) {
            Instant expires = now.plus(arrival.activeTtl());
            room.active.put(candidate, expires);
            return entry(QueueTicket.active(candidate, userId, concertId, expires), room, max, true);
        }
        room.waiting.add(candidate);
        room.sortByArrival();
        return entry(QueueTicket.waiting(candidate, userId, concertId, room.position(candidate)), room, max, true);
    }

    @Override
    public synchronized Optional<View> find(QueueToken token, Instant now, int defaultMaxActive) {
        long concertId = token.concertId();
        Room room = rooms.get(concertId);
        if (room == null) {
            return Optional.empty();
        }
        UserId user = room.tokenUser.get(token);
        if (user == null) {
            return Optional.empty();
        }
        int max = room.max(defaultMaxActive);
        if (room.waiting.contains(token)) {
            return Optional.of(
                    new View(QueueTicket.waiting(token, user, concertId, room.position(token)), room.rate, max));
        }
        Instant expires = room.active.get(token);
        if (expires != null && expires.isAfter(now)) {
            return Optional.of(new View(QueueTicket.active(token, user, concertId, expires), room.rate, max));
        }
        return Optional.empty();
    }

    @Override
    public synchronized void release(QueueToken token) {
        Room room = rooms.get(token.concertId());
        if (room != null) {
            releaseToken(room, token);
        }
    }

    @Override
    public synchronized void releaseUser(long concertId, UserId userId) {
        Room room = rooms.get(concertId);
        if (room == null) {
            return;
        }
        QueueToken token = room.userToken.get(userId);
        if (token != null) {
            releaseToken(room, token);
        }
    }

    @Override
    public synchronized long admit(long concertId, Instant now, int defaultMaxActive, Duration activeTtl) {
        return admission(concertId, now, defaultMaxActive, activeTtl, true)[0];
    }

    @Override
    public synchronized long expireActive(long concertId, Instant now) {
        return admission(concertId, now, 0, Duration.ZERO, false)[1];
    }

    @Override
    public synchronized Set<Long> concertsInQueue() {
        return Set.copyOf(registry);
    }

    @Override
    public synchronized WaitingRoomStats stats(long concertId, Instant now, int defaultMaxActive) {
        Room room = room(concertId);
        return new WaitingRoomStats(concertId, room.waiting.size(), room.liveActive(now), room.max(defaultMaxActive));
    }

    @Override
    public synchronized void setMaxActive(long concertId, int maxActive, long version) {
        Room room = room(concertId);
        if (version > room.maxActiveVersion) {
            room.maxActive = maxActive;
            room.maxActiveVersion = version;
        }
    }

    /** Sets a room's cap in the store only (as an operator's change that reached Redis). */
    public synchronized void setMaxActive(long concertId, int maxActive) {
        Room room = room(concertId);
        room.maxActive = maxActive;
        room.maxActiveVersion++;
    }

    /** What a Redis restart without persistence does: every room is gone. */
    public synchronized void forgetEverything() {
        rooms.clear();
        registry.clear();
    }

    /** The tokens waiting in a room, first in line first. */
    public synchronized List<QueueToken> waitingLine(long concertId) {
        Room room = rooms.get(concertId);
        return room == null ? List.of() : List.copyOf(room.waiting);
    }

    /** Every ACTIVE token still stored (swept or not). */
    public synchronized Set<QueueToken> activeTokens(long concertId) {
        Room room = rooms.get(concertId);
        return room == null ? Set.of() : Set.copyOf(room.active.keySet());
    }

    /** admit.lua: {admitted, expired}. */
    private long[] admission(long concertId, Instant now, int defaultMaxActive, Duration ttl, boolean admit) {
        Room room = room(concertId);
        List<QueueToken> ended = new ArrayList<>();
        for (Iterator<Map.Entry<QueueToken, Instant>> it =
                        room.active.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<QueueToken, Instant> active = it.next();
            if (!active.getValue().isAfter(now)) {
                ended.add(active.getKey());
                it.remove();
            }
        }
        ended.forEach(room::forget);

        long admitted = 0;
        long waiting = room.waiting.size();
        if (admit) {
            long free = room.max(defaultMaxActive) - room.active.size();
            if (free > 0 && waiting > 0) {
                Instant expires = now.plus(ttl);
                Iterator<QueueToken> line = room.waiting.iterator();
                while (admitted < free && line.hasNext()) {
                    QueueToken next = line.next();
                    line.remove();
                    room.active.put(next, expires);
                    admitted++;
                }
            }
            if (waiting > 0 && room.lastRound != null && now.isAfter(room.lastRound)) {
                double dt = Duration.between(room.lastRound, now).toMillis() / 1000.0;
                double alpha = 1 - Math.exp(-dt / 30);
                room.rate = alpha * (admitted / dt) + (1 - alpha) * room.rate;
            }
            room.lastRound = now;
            waiting -= admitted;
        }
        if (waiting == 0 && room.active.isEmpty()) {
            registry.remove(concertId);
        }
        return new long[] {admitted, ended.size()};
    }

    private void releaseToken(Room room, QueueToken token) {
        room.waiting.remove(token);
        room.active.remove(token);
        room.forget(token);
    }

    private Room room(long concertId) {
        return rooms.computeIfAbsent(concertId, id -> new Room());
    }

    private static Entry entry(QueueTicket ticket, Room room, int max, boolean created) {
        return new Entry(new View(ticket, room.rate, max), created);
    }
}
