package application.fakes;

import application.queue.port.out.QueueStore;
import domain.concert.Inventory;
import domain.queue.AdmissionPolicy;
import domain.queue.QueueTicket;
import domain.queue.QueueToken;
import domain.queue.SaleOpening;
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
 * src/main/resources/redis}: FIFO waiting line in arrival order, ACTIVE tokens with their expiry,
 * immediate admission when nobody waits and a slot is free, an ended token forgotten by {@code
 * find}, WAITING fans who were not seen for the waiting TTL dropped by the admission round, a lost
 * token restored once per fan (D33), and the smoothed admission rate of {@code admit.lua}. Every
 * rule is the domain's ({@link QueueTicket#stillActive}, {@link QueueTicket#hasAbandoned}, {@link
 * AdmissionPolicy}, {@link QueueToken#isRestorable}); {@code contracts.ports.QueueStoreContract}
 * holds this fake and the Redis store to the same cases.
 */
public final class InMemoryQueueStore implements QueueStore {
    /** {@code queue.waiting-ttl} and {@code queue.restore-window} as configured by default. */
    public static final Duration DEFAULT_WAITING_TTL = Duration.ofMinutes(2);

    public static final Duration DEFAULT_RESTORE_WINDOW = Duration.ofHours(1);

    private static final class Room {
        final LinkedHashSet<QueueToken> waiting = new LinkedHashSet<>();
        final Map<QueueToken, Instant> active = new HashMap<>();
        final Map<QueueToken, Instant> lastSeen = new HashMap<>();
        final Map<UserId, QueueToken> userToken = new HashMap<>();
        final Map<QueueToken, UserId> tokenUser = new HashMap<>();
        final Set<UserId> restored = new HashSet<>();
        /** Each waiting token's order in line (the score of the waiting set in Redis). */
        final Map<QueueToken, Long> order = new HashMap<>();
        /** The pre-queue of a sale not yet opened (D52), and the frozen one, in arrival order. */
        final java.util.TreeSet<QueueToken> preQueue = new java.util.TreeSet<>(BY_ARRIVAL);

        final List<QueueToken> frozen = new ArrayList<>();
        Long opened;
        Long preQueueFloor;
        boolean soldOut;
        Instant since;
        Integer maxActive;
        long maxActiveVersion;
        double rate;
        Instant lastRound;

        int max(int defaultMaxActive) {
            return maxActive != null ? maxActive : defaultMaxActive;
        }

        /** When this state of the room began: set by its first entry or lookup of a lost token. */
        Instant since(Instant now) {
            if (since == null) {
                since = now;
            }
            return since;
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
                    .filter(expiry -> QueueTicket.stillActive(expiry, now))
                    .count();
        }

        /** The waiting set of Redis is scored by order in line (ties by token). */
        void sortByArrival() {
            List<QueueToken> sorted = new ArrayList<>(waiting);
            sorted.sort(java.util.Comparator.<QueueToken>comparingLong(t -> order.getOrDefault(t, t.arrival()))
                    .thenComparing(QueueToken::value));
            waiting.clear();
            waiting.addAll(sorted);
        }

        void line(QueueToken token, long at) {
            order.put(token, at);
            waiting.add(token);
            sortByArrival();
        }

        boolean pending() {
            return !preQueue.isEmpty() || !frozen.isEmpty();
        }

        void forget(QueueToken token) {
            UserId user = tokenUser.remove(token);
            if (user != null && token.equals(userToken.get(user))) {
                userToken.remove(user);
            }
        }

        void remove(QueueToken token) {
            waiting.remove(token);
            order.remove(token);
            preQueue.remove(token);
            active.remove(token);
            lastSeen.remove(token);
            forget(token);
        }
    }

    private static final java.util.Comparator<QueueToken> BY_ARRIVAL =
            java.util.Comparator.comparingLong(QueueToken::arrival).thenComparing(QueueToken::value);

    private final Map<Long, Room> rooms = new HashMap<>();
    private final Set<Long> registry = new HashSet<>();
    private final Duration waitingTtl;
    private final Duration restoreWindow;

    /** With the default waiting TTL and restore window. */
    public InMemoryQueueStore() {
        this(DEFAULT_WAITING_TTL, DEFAULT_RESTORE_WINDOW);
    }

    public InMemoryQueueStore(Duration waitingTtl, Duration restoreWindow) {
        this.waitingTtl = waitingTtl;
        this.restoreWindow = restoreWindow;
    }

    @Override
    public synchronized Entry enter(Arrival arrival) {
        long concertId = arrival.concertId();
        UserId userId = arrival.userId();
        QueueToken candidate = arrival.candidate();
        Instant now = arrival.now();
        Room room = room(concertId);
        int max = room.max(arrival.defaultMaxActive());
        room.since(now);
        QueueToken existing = room.userToken.get(userId);
        // a returning fan whose token the store lost takes their place back
        Optional<QueueToken> returning = arrival.returning();
        if (returning.isPresent()
                && !returning.get().equals(existing)
                && !room.tokenUser.containsKey(returning.get())
                && restorable(room, returning.get(), userId, now)) {
            restore(room, returning.get(), userId, now);
            existing = returning.get();
        }
        if (existing != null) {
            if (room.waiting.contains(existing)) {
                room.lastSeen.put(existing, now);
                return entry(waiting(room, existing, userId, concertId), room, max, false);
            }
            Instant expires = room.active.get(existing);
            if (expires != null && QueueTicket.stillActive(expires, now)) {
                return entry(QueueTicket.active(existing, userId, concertId, expires), room, max, false);
            }
            if (expires == null && (room.preQueue.contains(existing) || room.frozen.contains(existing))) {
                room.lastSeen.put(existing, now);
                return entry(QueueTicket.preQueued(existing, userId, concertId), room, max, false);
            }
            // the old token ended (expired, not yet swept): forget it and start again
            room.active.remove(existing);
            room.tokenUser.remove(existing);
        }
        room.userToken.put(userId, candidate);
        room.tokenUser.put(candidate, userId);
        registry.add(concertId);
        if (room.opened == null && SaleOpening.preQueues(arrival.opensAt(), now)) {
            room.preQueue.add(candidate);
            long floor = SaleOpening.floor(arrival.opensAt());
            room.preQueueFloor = room.preQueueFloor == null ? floor : Math.min(room.preQueueFloor, floor);
            room.lastSeen.put(candidate, now);
            return entry(QueueTicket.preQueued(candidate, userId, concertId), room, max, true);
        }
        Long floor = room.opened != null
                ? room.opened
                : arrival.opensAt() == null ? null : SaleOpening.floor(arrival.opensAt());
        long order = floor == null ? candidate.arrival() : SaleOpening.laterArrival(candidate.arrival(), floor);
        if (!room.soldOut
                && !room.pending()
                && new AdmissionPolicy(max).admitsOnArrival(room.waiting.size(), room.liveActive(now))) {
            Instant expires = now.plus(arrival.activeTtl());
            room.active.put(candidate, expires);
            return entry(QueueTicket.active(candidate, userId, concertId, expires), room, max, true);
        }
        room.line(candidate, order);
        room.lastSeen.put(candidate, now);
        return entry(waiting(room, candidate, userId, concertId), room, max, true);
    }

    /** A waiting fan as told: their place, or SOLD_OUT while the room is sold out (D53). */
    private static QueueTicket waiting(Room room, QueueToken token, UserId userId, long concertId) {
        return room.soldOut
                ? QueueTicket.soldOut(token, userId, concertId)
                : QueueTicket.waiting(token, userId, concertId, room.position(token));
    }

    @Override
    public synchronized Optional<View> find(QueueToken token, Instant now, int defaultMaxActive) {
        long concertId = token.concertId();
        Room room = room(concertId);
        int max = room.max(defaultMaxActive);
        UserId user = room.tokenUser.get(token);
        if (user == null) {
            UserId claimed = token.userId();
            if (restorable(room, token, claimed, now)) {
                long position = restore(room, token, claimed, now);
                return Optional.of(new View(QueueTicket.waiting(token, claimed, concertId, position), room.rate, max));
            }
            return Optional.empty();
        }
        if (room.waiting.contains(token)) {
            room.lastSeen.put(token, now);
            return Optional.of(new View(waiting(room, token, user, concertId), room.rate, max));
        }
        Instant expires = room.active.get(token);
        if (expires != null) {
            return QueueTicket.stillActive(expires, now)
                    ? Optional.of(new View(QueueTicket.active(token, user, concertId, expires), room.rate, max))
                    : Optional.empty();
        }
        if (room.preQueue.contains(token) || room.frozen.contains(token)) {
            room.lastSeen.put(token, now);
            return Optional.of(new View(QueueTicket.preQueued(token, user, concertId), room.rate, max));
        }
        return Optional.empty();
    }

    @Override
    public synchronized void release(QueueToken token) {
        Room room = rooms.get(token.concertId());
        if (room != null) {
            room.remove(token);
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
            room.remove(token);
        }
    }

    @Override
    public synchronized long admit(
            long concertId, Instant now, int defaultMaxActive, Duration activeTtl, Inventory.Verdict inventory) {
        return admission(concertId, now, defaultMaxActive, activeTtl, true, inventory)[0];
    }

    @Override
    public synchronized long expireActive(long concertId, Instant now) {
        return admission(concertId, now, 0, Duration.ZERO, false, Inventory.Verdict.OPEN)[1];
    }

    @Override
    public synchronized long freezePreQueue(long concertId, long floor) {
        Room room = room(concertId);
        if (room.opened == null) {
            room.opened = floor;
            if (!room.preQueue.isEmpty()) {
                room.frozen.clear();
                room.frozen.addAll(room.preQueue);
                room.preQueue.clear();
                registry.add(concertId);
            }
            room.preQueueFloor = null;
        }
        return room.frozen.size();
    }

    @Override
    public synchronized List<QueueToken> frozenPreQueue(long concertId, long from, int count) {
        List<QueueToken> frozen = room(concertId).frozen;
        int start = (int) Math.min(from, frozen.size());
        return List.copyOf(frozen.subList(start, Math.min(frozen.size(), start + Math.max(0, count))));
    }

    @Override
    public synchronized long placePreQueue(long concertId, List<Placement> placements) {
        Room room = room(concertId);
        long placed = 0;
        for (Placement placement : placements) {
            QueueToken token = placement.token();
            if (room.tokenUser.containsKey(token) && !room.active.containsKey(token)) {
                room.line(token, placement.order());
                placed++;
            }
        }
        return placed;
    }

    @Override
    public synchronized void dropFrozenPreQueue(long concertId) {
        room(concertId).frozen.clear();
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

    /** restore.lua's {@code restorable}: the token's own rule, and once per fan in this state of the room. */
    private boolean restorable(Room room, QueueToken token, UserId user, Instant now) {
        return token.isRestorable(room.since(now), restoreWindow, now) && !room.restored.contains(user);
    }

    /** restore.lua's {@code restore}: back in line at its own arrival order; returns the position. */
    private long restore(Room room, QueueToken token, UserId user, Instant now) {
        QueueToken live = room.userToken.get(user);
        if (live != null) {
            room.waiting.remove(live);
            room.active.remove(live);
            room.lastSeen.remove(live);
            room.tokenUser.remove(live);
        }
        room.restored.add(user);
        room.userToken.put(user, token);
        room.tokenUser.put(token, user);
        room.line(token, token.arrival());
        room.lastSeen.put(token, now);
        registry.add(token.concertId());
        return room.position(token);
    }

    /** admit.lua: {admitted, ended (expired ACTIVE and abandoned WAITING)}. */
    private long[] admission(
            long concertId,
            Instant now,
            int defaultMaxActive,
            Duration ttl,
            boolean admit,
            Inventory.Verdict inventory) {
        Room room = room(concertId);
        List<QueueToken> ended = new ArrayList<>();
        for (Iterator<Map.Entry<QueueToken, Instant>> it =
                        room.active.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<QueueToken, Instant> active = it.next();
            if (!QueueTicket.stillActive(active.getValue(), now)) {
                ended.add(active.getKey());
                it.remove();
            }
        }
        ended.forEach(room::forget);
        List<QueueToken> abandoned = java.util.stream.Stream.of(room.waiting, room.preQueue, room.frozen)
                .flatMap(java.util.Collection::stream)
                .distinct()
                .filter(token -> room.lastSeen.containsKey(token))
                .filter(token -> QueueTicket.hasAbandoned(room.lastSeen.get(token), waitingTtl, now))
                .toList();
        abandoned.forEach(room::remove);

        long admitted = 0;
        long waiting = room.waiting.size();
        if (admit) {
            room.soldOut = inventory == Inventory.Verdict.SOLD_OUT;
            long free = inventory == Inventory.Verdict.OPEN
                    ? new AdmissionPolicy(room.max(defaultMaxActive)).freeSlots(room.active.size())
                    : 0;
            Long floor = room.opened != null ? room.opened : room.preQueueFloor;
            boolean pending = room.pending();
            if (free > 0 && waiting > 0) {
                Instant expires = now.plus(ttl);
                Iterator<QueueToken> line = room.waiting.iterator();
                while (admitted < free && line.hasNext()) {
                    QueueToken next = line.next();
                    if (pending
                            && (floor == null
                                    || !SaleOpening.admitsBeforePlacement(
                                            room.order.getOrDefault(next, next.arrival()), floor))) {
                        break;
                    }
                    line.remove();
                    room.order.remove(next);
                    room.lastSeen.remove(next);
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
        if (waiting == 0 && room.active.isEmpty() && !room.pending()) {
            registry.remove(concertId);
        }
        return new long[] {admitted, ended.size() + abandoned.size()};
    }

    private Room room(long concertId) {
        return rooms.computeIfAbsent(concertId, id -> new Room());
    }

    private static Entry entry(QueueTicket ticket, Room room, int max, boolean created) {
        return new Entry(new View(ticket, room.rate, max), created);
    }
}
