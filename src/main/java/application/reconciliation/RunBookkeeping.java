package application.reconciliation;

import application.events.port.out.OutboxPort;
import application.reconciliation.port.out.ReconciliationRunStore;
import domain.event.ReconciliationEvents;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.RunStatus;
import domain.reconciliation.StatementKind;
import domain.reconciliation.Step;
import domain.reconciliation.StepSummary;
import domain.reconciliation.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The run's own records, each change in its own short transaction: a run takes seconds to minutes
 * and must not hold one transaction (or connection) open all along. The end of a run and its
 * ReconciliationCompleted event commit together.
 */
@ApplicationScoped
public class RunBookkeeping {
    private final ReconciliationRunStore runs;
    private final OutboxPort outbox;
    private final ReconciliationSettings settings;
    private final Clock clock;

    public RunBookkeeping(
            ReconciliationRunStore runs, OutboxPort outbox, ReconciliationSettings settings, Clock clock) {
        this.runs = runs;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a new RUNNING run of the date (one provider, or all when null); empty when one is going. */
    @Transactional
    public Optional<UUID> begin(BusinessDay day, String provider, Trigger trigger, String requestedBy) {
        Instant now = clock.instant();
        return runs.start(
                UUID.randomUUID(), day.date(), provider, trigger, requestedBy, now, now.minus(settings.staleAfter()));
    }

    @Transactional
    public void heartbeat(UUID runId) {
        runs.heartbeat(runId, clock.instant());
    }

    @Transactional
    public void stepStarted(UUID runId, Step step, String fileName) {
        Instant now = clock.instant();
        runs.startStep(runId, step.provider(), step.kind(), fileName, now);
        runs.heartbeat(runId, now);
    }

    @Transactional
    public void stepFinished(UUID runId, StepOutcome outcome) {
        Instant now = clock.instant();
        runs.finishStep(
                runId,
                outcome.step().provider(),
                outcome.step().kind(),
                outcome.failureReason() == null ? RunStatus.COMPLETED : RunStatus.FAILED,
                outcome.rowsRead(),
                outcome.errors(),
                outcome.failureReason(),
                outcome.summary(),
                now);
        runs.heartbeat(runId, now);
    }

    /** Ends the run and announces it; false when the run had already been declared dead. */
    @Transactional
    public boolean finished(UUID runId, BusinessDay day, RunStatus status, String reason, List<StepOutcome> steps) {
        Instant now = clock.instant();
        if (!runs.finish(runId, status, reason, now)) {
            return false;
        }
        outbox.append(ReconciliationEvents.completed(
                UUID.randomUUID(), runId, day.date(), status.name(), reason, summary(steps), now));
        return true;
    }

    private static Map<String, Object> summary(List<StepOutcome> steps) {
        Map<String, Object> byProvider = new LinkedHashMap<>();
        for (StepOutcome outcome : steps) {
            @SuppressWarnings("unchecked")
            Map<String, Object> kinds = (Map<String, Object>)
                    byProvider.computeIfAbsent(outcome.step().provider(), p -> new LinkedHashMap<String, Object>());
            kinds.put(outcome.step().kind().name(), outcome.asMap());
        }
        return byProvider;
    }

    /** How one step ended: its counts, or why it failed. */
    public record StepOutcome(Step step, long rowsRead, long errors, StepSummary summary, String failureReason) {
        static StepOutcome failed(Step step, long rowsRead, long errors, String reason) {
            return new StepOutcome(step, rowsRead, errors, StepSummary.EMPTY, reason);
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", failureReason == null ? RunStatus.COMPLETED.name() : RunStatus.FAILED.name());
            m.put("rowsRead", rowsRead);
            m.put("lineErrors", errors);
            if (failureReason != null) {
                m.put("failureReason", failureReason);
            }
            Map<String, Object> categories = new LinkedHashMap<>();
            summary.categories().forEach((category, tally) -> {
                if (tally.count() > 0) {
                    categories.put(category.name(), Map.of("count", tally.count(), "amount", tally.amount()));
                }
            });
            m.put("categories", categories);
            if (step.kind() == StatementKind.SETTLEMENTS) {
                m.put("fees", summary.fees());
                m.put("expectedFees", summary.expectedFees());
                m.put("payout", summary.payout());
                m.put("expectedPayout", summary.expectedPayout());
            }
            return m;
        }
    }
}
