package application.queue;

import application.events.port.out.OutboxPort;
import application.queue.port.in.OpenSalesUseCase;
import application.queue.port.out.OpeningSettings;
import application.queue.port.out.QueueStore;
import application.queue.port.out.SaleOpenings;
import application.shared.port.out.ChunkTransactions;
import domain.event.SaleEvents;
import domain.queue.PreQueueShuffle;
import domain.queue.QueueToken;
import domain.queue.SaleOpening;
import domain.queue.SaleOpeningRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Opens due sales (decisions D52), each exactly once however many instances run it and wherever one
 * stopped:
 *
 * <ol>
 *   <li>the room's pre-queue is frozen in the queue store (O(1); from then on arrivals queue at or
 *       above the floor, and nobody at or above it is admitted until step 5);
 *   <li>the frozen pre-queue is read in arrival order and its digest taken;
 *   <li>the opening is claimed in the database with a seed from a {@link SecureRandom}: the first
 *       claim wins, every later run (another instance, a re-run after a crash) gets its seed;
 *   <li>the order that seed gives ({@link PreQueueShuffle}) is written in chunks of {@code
 *       queue.opening-chunk}, each token at {@link SaleOpening#preQueueOrder} (idempotent);
 *   <li>the opening is completed with the order's digest and a {@code PreQueueShuffled} event in one
 *       transaction (once: a conditional update), and the frozen pre-queue is dropped.
 * </ol>
 */
@ApplicationScoped
public class OpenSalesService implements OpenSalesUseCase {
    private static final System.Logger LOG = System.getLogger(OpenSalesService.class.getName());
    /** Due sales read at a time, and at most this many reads per run: a run stays within its job lease. */
    static final int BATCH = 20;

    static final int MAX_BATCHES_PER_RUN = 5;

    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final SaleOpenings openings;
    private final QueueStore queue;
    private final OutboxPort outbox;
    private final ChunkTransactions transactions;
    private final OpeningSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OpenSalesService(
            SaleOpenings openings,
            QueueStore queue,
            OutboxPort outbox,
            ChunkTransactions transactions,
            OpeningSettings settings,
            Clock clock) {
        this.openings = openings;
        this.queue = queue;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public long openDue() {
        long placed = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<SaleOpenings.Due> due =
                    transactions.inNewTransaction(TRANSACTION_TIMEOUT, () -> openings.due(clock.instant(), BATCH));
            for (SaleOpenings.Due sale : due) {
                placed += open(sale);
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return placed;
    }

    /** Opens one sale; returns how many fans of its pre-queue are in line. */
    long open(SaleOpenings.Due sale) {
        long concertId = sale.concertId();
        long floor = SaleOpening.floor(sale.opensAt());
        long size = queue.freezePreQueue(concertId, floor);
        List<QueueToken> input = frozen(concertId, size);
        List<String> values = input.stream().map(QueueToken::value).toList();
        String inputDigest = PreQueueShuffle.digest(values);

        byte[] seed = new byte[PreQueueShuffle.SEED_BYTES];
        random.nextBytes(seed);
        SaleOpeningRecord proposed = SaleOpeningRecord.started(
                concertId,
                sale.opensAt(),
                new PreQueueShuffle(seed).seedHex(),
                input.size(),
                inputDigest,
                clock.instant());
        SaleOpeningRecord record = transactions.inNewTransaction(TRANSACTION_TIMEOUT, () -> openings.claim(proposed));
        if (record.isComplete()) {
            queue.dropFrozenPreQueue(concertId);
            return 0;
        }
        if (!record.inputDigest().equals(inputDigest)) {
            // only after the queue store lost its state since the claim (D34): the fans it has now are placed
            LOG.log(
                    System.Logger.Level.WARNING,
                    "concert {0}: the frozen pre-queue ({1} tokens) is not the one its opening recorded ({2}); placing it",
                    concertId,
                    input.size(),
                    record.preQueueSize());
        }

        List<QueueToken> order = PreQueueShuffle.ofHex(record.seed()).shuffle(input);
        long placed = 0;
        int n = order.size();
        for (int from = 0; from < n; from += settings.chunk()) {
            int to = Math.min(n, from + settings.chunk());
            List<QueueStore.Placement> chunk = new ArrayList<>(to - from);
            for (int place = from; place < to; place++) {
                chunk.add(new QueueStore.Placement(order.get(place), SaleOpening.preQueueOrder(floor, n, place)));
            }
            placed += queue.placePreQueue(concertId, chunk);
        }

        String orderDigest =
                PreQueueShuffle.digest(order.stream().map(QueueToken::value).toList());
        transactions.inNewTransaction(TRANSACTION_TIMEOUT, () -> {
            Instant at = clock.instant();
            if (openings.complete(concertId, orderDigest, at)) {
                outbox.append(SaleEvents.preQueueShuffled(UUID.randomUUID(), record.completed(orderDigest, at)));
            }
            return null;
        });
        queue.dropFrozenPreQueue(concertId);
        LOG.log(
                System.Logger.Level.INFO,
                "concert {0}: sale opened, {1} of {2} pre-queued fans placed (seed recorded)",
                concertId,
                placed,
                n);
        return placed;
    }

    /** The whole frozen pre-queue, read in chunks (arrival order). */
    private List<QueueToken> frozen(long concertId, long size) {
        List<QueueToken> tokens = new ArrayList<>((int) size);
        int chunk = Math.max(settings.chunk(), 1000);
        while (true) {
            List<QueueToken> read = queue.frozenPreQueue(concertId, tokens.size(), chunk);
            tokens.addAll(read);
            if (read.size() < chunk) {
                return tokens;
            }
        }
    }
}
