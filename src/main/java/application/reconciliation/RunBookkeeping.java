package application.reconciliation;

import application.events.port.out.OutboxPort;
import application.reconciliation.port.out.ReconciliationCases;
import application.reconciliation.port.out.ReconciliationReports;
import application.reconciliation.port.out.ReconciliationRunStore;
import domain.event.ReconciliationEvents;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.Category;
import domain.reconciliation.OpenCases;
import domain.reconciliation.Resolution;
import domain.reconciliation.RunDigest;
import domain.reconciliation.RunReport;
import domain.reconciliation.RunStatus;
import domain.reconciliation.StatementKind;
import domain.reconciliation.Step;
import domain.reconciliation.StepSummary;
import domain.reconciliation.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
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
    /** Who closes a case that a run found matching again. */
    static final String RECONCILIATION = "reconciliation";

    private final ReconciliationRunStore runs;
    private final ReconciliationCases cases;
    private final ReconciliationReports reports;
    private final OutboxPort outbox;
    private final ReconciliationSettings settings;
    private final Clock clock;

    public RunBookkeeping(
            ReconciliationRunStore runs,
            ReconciliationCases cases,
            ReconciliationReports reports,
            OutboxPort outbox,
            ReconciliationSettings settings,
            Clock clock) {
        this.runs = runs;
        this.cases = cases;
        this.reports = reports;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * After a stage's items are written (decision D59): closes the stage's open cases whose record
     * this run found without that mismatch, and opens one per new mismatch (one open per record, stage
     * and category; none again for a mismatch a person settled).
     */
    @Transactional
    public ReconciliationCases.Changes cases(UUID runId, Step step, BusinessDay day) {
        return cases.sync(
                runId,
                step.provider(),
                step.records(),
                step.kind(),
                day.date(),
                clock.instant(),
                Arrays.stream(Category.values()).filter(Category::opensCase).toList(),
                Arrays.stream(Category.values()).filter(Category::heldBack).toList(),
                Resolution.settling(),
                RECONCILIATION);
    }

    /** The open cases now, counted by provider and age. */
    @Transactional
    public OpenCases openCases() {
        return OpenCases.of(cases.openCounts(clock.instant()));
    }

    /** What a finished run's report sends: the date's report, the open cases, the largest mismatches. */
    @Transactional
    public RunDigest digest(BusinessDay day) {
        RunReport report =
                reports.latest(day.date(), 0).orElseThrow(() -> new IllegalStateException("no run of " + day.date()));
        OpenCases open = openCases();
        return new RunDigest(
                report.withOpenCases(open),
                open,
                reports.largest(day.date(), RunDigest.mismatchCategories(), settings.topMismatches()));
    }

    /** How sending the run's report went: when it was delivered, or why not. */
    @Transactional
    public void reportDelivery(UUID runId, Instant deliveredAt, String failure) {
        runs.reportDelivery(runId, deliveredAt, failure);
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
