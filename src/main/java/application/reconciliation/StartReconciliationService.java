package application.reconciliation;

import application.reconciliation.port.in.ReconcileDayUseCase;
import application.reconciliation.port.in.StartReconciliationUseCase;
import application.reconciliation.port.out.ReconciliationRunStore;
import application.shared.NotConfiguredException;
import application.shared.port.out.AfterCommit;
import application.shared.port.out.BackgroundWork;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.ReconciliationRunningException;
import domain.reconciliation.Trigger;
import domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class StartReconciliationService implements StartReconciliationUseCase {
    static final String SCHEDULER = "scheduler";

    private final ReconciliationRunStore runs;
    private final ReconcileDayUseCase reconcile;
    private final BackgroundWork background;
    private final AfterCommit afterCommit;
    private final ReconciliationSettings settings;
    private final Clock clock;

    public StartReconciliationService(
            ReconciliationRunStore runs,
            ReconcileDayUseCase reconcile,
            BackgroundWork background,
            AfterCommit afterCommit,
            ReconciliationSettings settings,
            Clock clock) {
        this.runs = runs;
        this.reconcile = reconcile;
        this.background = background;
        this.afterCommit = afterCommit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result start(Command command) {
        if (command.date() == null) {
            throw new InvalidValueException("date", "a business date (yyyy-MM-dd) is required");
        }
        requireProviders(settings);
        Instant now = clock.instant();
        BusinessDay day = new BusinessDay(command.date(), settings.zone());
        if (!day.isOverAt(now)) {
            throw new InvalidValueException(
                    "date",
                    "the PGs' files for " + day.date() + " exist only once that day is over in " + settings.zone());
        }
        if (command.provider() != null
                && settings.providers().stream().noneMatch(p -> p.name().equals(command.provider()))) {
            throw new InvalidValueException(
                    "provider", "provider " + command.provider() + " is not configured (reconciliation.providers)");
        }
        if (command.trigger() == Trigger.SCHEDULED && runs.hasCompleted(day.date())) {
            return new Result(null, day.date(), false);
        }
        UUID runId = runs.start(
                        UUID.randomUUID(),
                        day.date(),
                        command.provider(),
                        command.trigger(),
                        command.requestedBy(),
                        now,
                        now.minus(settings.staleAfter()))
                .orElseThrow(() -> new ReconciliationRunningException(
                        day.date(), runs.running(day.date()).orElse(null)));
        afterCommit.run(() -> background.submit(() -> reconcile.reconcile(runId, day, command.provider())));
        return new Result(runId, day.date(), true);
    }

    /** A run with no provider to read fails at once: refused before it starts (D68). */
    static void requireProviders(ReconciliationSettings settings) {
        if (settings.providers().isEmpty()) {
            throw new NotConfiguredException(
                    "reconciliation-not-configured",
                    "no payment gateway is configured to reconcile (reconciliation.providers.<name>.*)");
        }
    }

    @Override
    @Transactional
    public Result startScheduled() {
        BusinessDay yesterday = BusinessDay.before(clock.instant(), settings.zone());
        if (settings.providers().isEmpty()) {
            return new Result(null, yesterday.date(), false); // nothing to reconcile on this deployment
        }
        try {
            return start(new Command(yesterday.date(), Trigger.SCHEDULED, SCHEDULER));
        } catch (ReconciliationRunningException alreadyGoing) {
            return new Result(alreadyGoing.runId(), yesterday.date(), false);
        }
    }
}
