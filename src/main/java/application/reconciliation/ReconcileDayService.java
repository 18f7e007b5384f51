package application.reconciliation;

import application.reconciliation.RunBookkeeping.StepOutcome;
import application.reconciliation.port.in.ReconcileDayUseCase;
import application.reconciliation.port.out.StatementSource;
import application.reconciliation.port.out.StatementSource.StatementUnavailableException;
import application.reconciliation.port.out.StatementStore;
import application.wallet.port.in.SettleTopUpUseCase;
import domain.reconciliation.Action;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.ReconciliationRules;
import domain.reconciliation.RunStatus;
import domain.reconciliation.StatementKind;
import domain.reconciliation.Step;
import domain.topup.TopUpStatus;
import jakarta.enterprise.context.ApplicationScoped;
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
 * One run, start to end. Steps (provider × file kind) are independent and run in parallel, up to
 * {@code reconciliation.parallelism} at once. A step that fails (missing file, unreadable header,
 * an error while matching) fails the run with its reason — it is never reported as matched. A
 * malformed line is recorded with its line number and the step goes on.
 */
@ApplicationScoped
public class ReconcileDayService implements ReconcileDayUseCase {
    private static final Logger LOG = Logger.getLogger(ReconcileDayService.class.getName());
    private static final int SETTLE_PAGE = 500;

    private final StatementSource files;
    private final StatementStore statements;
    private final SettleTopUpUseCase settleTopUp;
    private final RunBookkeeping bookkeeping;
    private final ReconciliationSettings settings;

    public ReconcileDayService(
            StatementSource files,
            StatementStore statements,
            SettleTopUpUseCase settleTopUp,
            RunBookkeeping bookkeeping,
            ReconciliationSettings settings) {
        this.files = files;
        this.statements = statements;
        this.settleTopUp = settleTopUp;
        this.bookkeeping = bookkeeping;
        this.settings = settings;
    }

    @Override
    public void reconcile(UUID runId, BusinessDay day) {
        List<StepOutcome> outcomes = new ArrayList<>();
        String failure;
        try {
            List<Step> steps = steps();
            if (steps.isEmpty()) {
                failure = "no providers are configured (reconciliation.providers)";
            } else {
                outcomes = runInParallel(runId, day, steps);
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
        }
    }

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (ReconciliationSettings.Provider provider : settings.providers()) {
            for (StatementKind kind : StatementKind.values()) {
                steps.add(new Step(provider.name(), kind, provider.fees()));
            }
        }
        return steps;
    }

    private List<StepOutcome> runInParallel(UUID runId, BusinessDay day, List<Step> steps) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(settings.parallelism(), steps.size()),
                Thread.ofPlatform().name("reconciliation-step-", 1).factory());
        try {
            List<Future<StepOutcome>> running = new ArrayList<>();
            for (Step step : steps) {
                running.add(pool.submit(() -> runStep(runId, day, step)));
            }
            List<StepOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                try {
                    outcomes.add(running.get(i).get());
                } catch (ExecutionException e) {
                    outcomes.add(StepOutcome.failed(steps.get(i), 0, 0, String.valueOf(e.getCause())));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private StepOutcome runStep(UUID runId, BusinessDay day, Step step) {
        StatementSource.StatementFile file;
        try {
            file = files.open(step.provider(), step.kind(), day.date());
        } catch (StatementUnavailableException missing) {
            bookkeeping.stepStarted(runId, step, missing.fileName());
            return finish(runId, StepOutcome.failed(step, 0, 0, missing.getMessage()));
        }
        bookkeeping.stepStarted(runId, step, file.name());
        StatementStore.Staged staged = new StatementStore.Staged(0, 0);
        try (file) {
            long t0 = System.nanoTime();
            staged = statements.stage(runId, step, file, settings.maxErrorsKept());
            long t1 = System.nanoTime();
            long items = statements.classify(runId, step, day, classifier(step));
            statements.unstage(runId, step);
            long t2 = System.nanoTime();
            long settled = settle(runId, step, Action.SETTLE_APPROVED, TopUpStatus.APPROVED)
                    + settle(runId, step, Action.SETTLE_CANCELLED, TopUpStatus.CANCELLED);
            LOG.info(String.format(
                    "reconciliation %s %s: %d lines (%d malformed) staged in %d ms, %d items classified in %d ms,"
                            + " %d settle requests for PENDING top-ups in %d ms",
                    runId,
                    step,
                    staged.rows(),
                    staged.errors(),
                    (t1 - t0) / 1_000_000,
                    items,
                    (t2 - t1) / 1_000_000,
                    settled,
                    (System.nanoTime() - t2) / 1_000_000));
            return finish(
                    runId,
                    new StepOutcome(step, staged.rows(), staged.errors(), statements.summarize(runId, step), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciliation step " + step + " of run " + runId + " failed", e);
            tidy(runId, step);
            // a file that is unusable as a whole (bad trailer, truncated, wrong encoding) names itself
            String reason = e instanceof StatementUnavailableException unusable ? unusable.getMessage() : e.toString();
            return finish(runId, StepOutcome.failed(step, staged.rows(), staged.errors(), reason));
        }
    }

    private static StatementStore.Classifier classifier(Step step) {
        return switch (step.kind()) {
            case TRANSACTIONS, ACQUISITIONS ->
                (pg, ours) ->
                        pg == null ? ReconciliationRules.unknownToPg(ours) : ReconciliationRules.payment(pg, ours);
            case SETTLEMENTS -> (pg, ours) -> ReconciliationRules.settlement(pg, ours, step.fees());
        };
    }

    /** Applies the PG's word to PENDING top-ups; each settles once, however often this runs. */
    private long settle(UUID runId, Step step, Action action, TopUpStatus outcome) {
        long after = 0;
        long count = 0;
        List<StatementStore.KeyedItem> page;
        do {
            page = statements.itemsToSettle(runId, step, action, after, SETTLE_PAGE);
            for (StatementStore.KeyedItem item : page) {
                settleTopUp.settle(step.provider(), item.paymentKey(), outcome);
                after = item.itemId();
                count++;
            }
        } while (page.size() == SETTLE_PAGE);
        return count;
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
