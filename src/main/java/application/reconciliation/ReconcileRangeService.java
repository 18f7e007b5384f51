package application.reconciliation;

import application.reconciliation.port.in.ReconcileDayUseCase;
import application.reconciliation.port.in.ReconcileRangeUseCase;
import application.shared.port.out.BackgroundWork;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.RunStatus;
import domain.reconciliation.Trigger;
import domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Re-runs a range of dates one after the other, on one background thread (issue #18 item 7). */
@ApplicationScoped
public class ReconcileRangeService implements ReconcileRangeUseCase {
    private static final Logger LOG = Logger.getLogger(ReconcileRangeService.class.getName());

    private final RunBookkeeping bookkeeping;
    private final ReconcileDayUseCase reconcile;
    private final BackgroundWork background;
    private final ReconciliationSettings settings;
    private final Clock clock;

    public ReconcileRangeService(
            RunBookkeeping bookkeeping,
            ReconcileDayUseCase reconcile,
            BackgroundWork background,
            ReconciliationSettings settings,
            Clock clock) {
        this.bookkeeping = bookkeeping;
        this.reconcile = reconcile;
        this.background = background;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Result start(Command command) {
        StartReconciliationService.requireProviders(settings);
        if (command.from() == null || command.to() == null) {
            throw new InvalidValueException("from", "a range needs from and to (yyyy-MM-dd)");
        }
        if (command.to().isBefore(command.from())) {
            throw new InvalidValueException("to", "to (" + command.to() + ") is before from (" + command.from() + ")");
        }
        long days = ChronoUnit.DAYS.between(command.from(), command.to()) + 1;
        if (days > settings.maxRangeDays()) {
            throw new InvalidValueException(
                    "to",
                    "a range spans at most " + settings.maxRangeDays() + " dates (reconciliation.max-range-days), this"
                            + " one " + days);
        }
        if (!new BusinessDay(command.to(), settings.zone()).isOverAt(clock.instant())) {
            throw new InvalidValueException(
                    "to",
                    "the PGs' files for " + command.to() + " exist only once that day is over in " + settings.zone());
        }
        List<LocalDate> dates =
                command.from().datesUntil(command.to().plusDays(1)).toList();
        background.submit(() -> runInOrder(dates, command.requestedBy()));
        return new Result(command.from(), command.to(), dates);
    }

    private void runInOrder(List<LocalDate> dates, String requestedBy) {
        for (LocalDate date : dates) {
            BusinessDay day = new BusinessDay(date, settings.zone());
            Optional<UUID> runId;
            try {
                runId = bookkeeping.begin(day, null, Trigger.MANUAL, requestedBy);
            } catch (RuntimeException e) {
                LOG.warning("range re-run: " + date + " could not start (" + e + "); the range goes on");
                continue;
            }
            if (runId.isEmpty()) {
                LOG.warning("range re-run: " + date + " is being reconciled by another run; left to that run");
                continue;
            }
            RunStatus status = reconcile.reconcile(runId.get(), day, null);
            LOG.info("range re-run: " + date + " " + status + " (run " + runId.get() + ")");
        }
    }
}
