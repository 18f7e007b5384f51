package application.reconciliation;

import application.reconciliation.RunBookkeeping.StepOutcome;
import application.reconciliation.port.in.ReconcileDayUseCase;
import application.reconciliation.port.out.ReconciliationCases;
import application.reconciliation.port.out.StatementSource;
import application.reconciliation.port.out.StatementSource.StatementUnavailableException;
import application.reconciliation.port.out.StatementStore;
import application.shared.ChunkRunner;
import application.shared.port.out.ChunkTransactions;
import application.wallet.port.in.SettleTopUpUseCase;
import domain.reconciliation.Action;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.ReconciliationRules;
import domain.reconciliation.RunStatus;
import domain.reconciliation.StatementKind;
import domain.reconciliation.Step;
import domain.reconciliation.StepSummary;
import domain.topup.TopUpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run, start to end (decision D55). Each provider is a chain of three stages — transactions,
 * then acquisitions, then settlements — and providers run in parallel, up to {@code
 * reconciliation.parallelism} at once. A stage counts an acquisition only for a payment whose
 * transaction matched and a settlement only for one that was acquired (the rule is the domain's,
 * {@link ReconciliationRules#classify}). A provider's three files are read and staged at once; the
 * matching then goes stage by stage. A stage that fails (missing or unusable file, an error while
 * matching) fails the run with its reason and ends its provider's chain — the later stages of that
 * provider are reported as not run — while the other providers go on; the provider can then be
 * re-run alone. A malformed line is recorded with its line number and the stage goes on.
 */
@ApplicationScoped
public class ReconcileDayService implements ReconcileDayUseCase {
    private static final Logger LOG = Logger.getLogger(ReconcileDayService.class.getName());

    private final StatementSource files;
    private final StatementStore statements;
    private final SettleTopUpUseCase settleTopUp;
    private final RunBookkeeping bookkeeping;
    private final ChunkTransactions transactions;
    private final ReconciliationSettings settings;
    private final RunReportDelivery delivery;
    private final Clock clock;

    public ReconcileDayService(
            StatementSource files,
            StatementStore statements,
            SettleTopUpUseCase settleTopUp,
            RunBookkeeping bookkeeping,
            ChunkTransactions transactions,
            ReconciliationSettings settings,
            RunReportDelivery delivery,
            Clock clock) {
        this.files = files;
        this.statements = statements;
        this.settleTopUp = settleTopUp;
        this.bookkeeping = bookkeeping;
        this.transactions = transactions;
        this.settings = settings;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Override
    public RunStatus reconcile(UUID runId, BusinessDay day, String provider) {
        List<StepOutcome> outcomes = new ArrayList<>();
        String failure;
        try {
            List<ReconciliationSettings.Provider> providers = settings.providers().stream()
                    .filter(p -> provider == null || p.name().equals(provider))
                    .toList();
            if (providers.isEmpty()) {
                failure = provider == null
                        ? "no providers are configured (reconciliation.providers)"
                        : "provider " + provider + " is not configured (reconciliation.providers)";
            } else {
                outcomes = chainsInParallel(runId, day, providers);
                failure = outcomes.stream()
                        .filter(o -> o.failureReason() != null)
                        .map(o -> o.step() + ": " + o.failureReason())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(null);
            }
        } catch (RuntimeException | InterruptedException e) {
            LOG.log(Level.SEVERE, "reconciliation run " + runId + " failed", e);
            failure = "the run stopped: " + e;
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        RunStatus status = failure == null ? RunStatus.COMPLETED : RunStatus.FAILED;
        if (!bookkeeping.finished(runId, day, status, failure, outcomes)) {
            LOG.warning("reconciliation run " + runId + " had been declared dead; its result is dropped");
            return status;
        }
        delivery.deliver(runId, day); // after the run's end is committed; never fails the run (D60)
        return status;
    }

    private List<StepOutcome> chainsInParallel(
            UUID runId, BusinessDay day, List<ReconciliationSettings.Provider> providers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(settings.parallelism(), providers.size()),
                Thread.ofPlatform().name("reconciliation-chain-", 1).factory());
        try {
            List<Future<List<StepOutcome>>> running = new ArrayList<>();
            for (ReconciliationSettings.Provider provider : providers) {
                running.add(pool.submit(() -> chain(runId, day, provider)));
            }
            List<StepOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < providers.size(); i++) {
                try {
                    outcomes.addAll(running.get(i).get());
                } catch (ExecutionException e) {
                    Step first = new Step(
                            providers.get(i).name(),
                            StatementKind.TRANSACTIONS,
                            providers.get(i).fees(),
                            providers.get(i).records());
                    outcomes.add(StepOutcome.failed(first, 0, 0, String.valueOf(e.getCause())));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One provider's chain. Its three files are read and staged at once (staging needs no state);
     * then the stages match in order, each seeing the states the previous one wrote. A failed stage
     * ends the chain: the later stages are reported as not run and their staged lines dropped.
     */
    private List<StepOutcome> chain(UUID runId, BusinessDay day, ReconciliationSettings.Provider provider)
            throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        for (StatementKind kind : StatementKind.values()) {
            steps.add(new Step(provider.name(), kind, provider.fees(), provider.records()));
        }
        List<Staging> staged = stageAll(runId, day, steps);
        List<StepOutcome> outcomes = new ArrayList<>();
        StepOutcome failed = null;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Staging staging = staged.get(i);
            StepOutcome outcome;
            if (failed != null) {
                tidy(runId, step);
                outcome = finish(
                        runId,
                        StepOutcome.failed(
                                step,
                                staging.staged().rows(),
                                staging.staged().errors(),
                                "not run: the " + failed.step().kind() + " stage of " + provider.name()
                                        + " failed (re-run the provider when it is fixed)"));
            } else if (staging.failureReason() != null) {
                outcome = finish(
                        runId,
                        StepOutcome.failed(
                                step, staging.staged().rows(), staging.staged().errors(), staging.failureReason()));
            } else {
                outcome = match(runId, day, step, staging.staged());
            }
            outcomes.add(outcome);
            if (failed == null && outcome.failureReason() != null) {
                failed = outcome;
            }
        }
        return outcomes;
    }

    /** A file staged, or why it could not be. */
    private record Staging(StatementStore.Staged staged, String failureReason) {}

    private List<Staging> stageAll(UUID runId, BusinessDay day, List<Step> steps) throws InterruptedException {
        ExecutorService readers = Executors.newFixedThreadPool(
                steps.size(),
                Thread.ofPlatform().name("reconciliation-file-", 1).factory());
        try {
            List<Future<Staging>> running = new ArrayList<>();
            for (Step step : steps) {
                running.add(readers.submit(() -> stage(runId, day, step)));
            }
            List<Staging> staged = new ArrayList<>();
            for (Future<Staging> future : running) {
                try {
                    staged.add(future.get());
                } catch (ExecutionException e) {
                    staged.add(new Staging(new StatementStore.Staged(0, 0), String.valueOf(e.getCause())));
                }
            }
            return staged;
        } finally {
            readers.shutdownNow();
        }
    }

    private Staging stage(UUID runId, BusinessDay day, Step step) {
        StatementSource.StatementFile file;
        try {
            file = files.open(step.provider(), step.kind(), day.date());
        } catch (StatementUnavailableException missing) {
            bookkeeping.stepStarted(runId, step, missing.fileName());
            return new Staging(new StatementStore.Staged(0, 0), missing.getMessage());
        }
        bookkeeping.stepStarted(runId, step, file.name());
        try (file) {
            long t0 = System.nanoTime();
            StatementStore.Staged staged = statements.stage(runId, step, file, settings.maxErrorsKept());
            LOG.info(String.format(
                    "reconciliation %s %s: %d lines (%d malformed) staged in %d ms",
                    runId, step, staged.rows(), staged.errors(), (System.nanoTime() - t0) / 1_000_000));
            return new Staging(staged, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciliation step " + step + " of run " + runId + " failed", e);
            tidy(runId, step);
            // a file that is unusable as a whole (bad trailer, truncated, wrong encoding) names itself
            String reason = e instanceof StatementUnavailableException unusable ? unusable.getMessage() : e.toString();
            return new Staging(new StatementStore.Staged(0, 0), reason);
        }
    }

    private StepOutcome match(UUID runId, BusinessDay day, Step step, StatementStore.Staged staged) {
        try {
            long t1 = System.nanoTime();
            long items = statements.classify(
                    runId, step, day, (pg, ours) -> ReconciliationRules.classify(step.kind(), pg, ours, step.fees()));
            long t2 = System.nanoTime();
            // what needs only the step's items (deleting its staged lines, its cases, its summary) goes on
            // beside the state changes, on one more connection: the state changes keep the machine's
            // cores busy, the single statements of the rest would leave one idle
            Aside aside;
            long changed;
            try (ExecutorService side = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("reconciliation-aside-", 0).factory())) {
                Future<Aside> running = side.submit(() -> aside(runId, step, day));
                changed = statements.applyStates(runId, step, day, clock.instant());
                aside = joined(running);
            }
            long t3 = System.nanoTime();
            // box-office sales are final at the counter: nothing of theirs waits for the file (D62)
            long settled = step.records().settlesPending()
                    ? settle(runId, step, Action.SETTLE_APPROVED, TopUpStatus.APPROVED)
                            + settle(runId, step, Action.SETTLE_CANCELLED, TopUpStatus.CANCELLED)
                    : 0;
            LOG.info(String.format(
                    "reconciliation %s %s: %d items classified in %d ms; %d record states changed in %d ms, beside"
                            + " them %d cases opened and %d closed in %d ms; %d settle requests for PENDING"
                            + " top-ups in %d ms",
                    runId,
                    step,
                    items,
                    (t2 - t1) / 1_000_000,
                    changed,
                    (t3 - t2) / 1_000_000,
                    aside.cases().opened(),
                    aside.cases().closed(),
                    aside.millis(),
                    settled,
                    (System.nanoTime() - t3) / 1_000_000));
            return finish(runId, new StepOutcome(step, staged.rows(), staged.errors(), aside.summary(), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciliation step " + step + " of run " + runId + " failed", e);
            tidy(runId, step);
            return finish(runId, StepOutcome.failed(step, staged.rows(), staged.errors(), e.toString()));
        }
    }

    /** What a stage does beside its state changes, and how long it took. */
    private record Aside(ReconciliationCases.Changes cases, StepSummary summary, long millis) {}

    private Aside aside(UUID runId, Step step, BusinessDay day) {
        long t0 = System.nanoTime();
        statements.unstage(runId, step);
        ReconciliationCases.Changes cases = bookkeeping.cases(runId, step, day);
        StepSummary summary = statements.summarize(runId, step);
        return new Aside(cases, summary, (System.nanoTime() - t0) / 1_000_000);
    }

    private static Aside joined(Future<Aside> running) {
        try {
            return running.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a reconciliation stage ran", e);
        }
    }

    /**
     * Applies the PG's word to PENDING top-ups, a chunk of them per transaction on the batch machinery
     * the partner sync uses (D42, D55); each settles once, however often this runs. A chunk that fails
     * rolls back and fails the stage.
     */
    private long settle(UUID runId, Step step, Action action, TopUpStatus outcome) {
        ChunkRunner.Outcome done = ChunkRunner.run(
                new SettleChunks(runId, step, action, outcome),
                transactions,
                settings.settleChunkSize(),
                settings.chunkTimeout(),
                () -> true);
        if (done.failed()) {
            throw done.failure();
        }
        return done.written();
    }

    /** Reader: the step's items asking for {@code action}, in id order; writer: the settle use case. */
    private final class SettleChunks implements ChunkRunner.Step<StatementStore.KeyedItem, String> {
        private final UUID runId;
        private final Step step;
        private final Action action;
        private final TopUpStatus outcome;
        private long after;
        private long readUpTo;

        SettleChunks(UUID runId, Step step, Action action, TopUpStatus outcome) {
            this.runId = runId;
            this.step = step;
            this.action = action;
            this.outcome = outcome;
        }

        @Override
        public List<StatementStore.KeyedItem> read(int size) {
            List<StatementStore.KeyedItem> items = statements.itemsToSettle(runId, step, action, after, size);
            readUpTo = items.isEmpty() ? after : items.getLast().itemId();
            return items;
        }

        @Override
        public String process(StatementStore.KeyedItem item) {
            return item.paymentKey();
        }

        @Override
        public void write(List<StatementStore.KeyedItem> read, List<String> paymentKeys) {
            for (String paymentKey : paymentKeys) {
                settleTopUp.settle(step.provider(), paymentKey, outcome);
            }
        }

        @Override
        public void committed() {
            after = readUpTo; // the loop starts over on a re-run: settling is idempotent, no checkpoint kept
        }
    }

    private StepOutcome finish(UUID runId, StepOutcome outcome) {
        bookkeeping.stepFinished(runId, outcome);
        return outcome;
    }

    private void tidy(UUID runId, Step step) {
        try {
            statements.unstage(runId, step);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete the staged lines of " + step + " in run " + runId, e);
        }
    }
}
