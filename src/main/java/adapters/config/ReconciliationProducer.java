package adapters.config;

import application.reconciliation.ReconciliationSettings;
import application.shared.port.out.BackgroundWork;
import domain.reconciliation.FeePolicy;
import domain.reconciliation.RecordType;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Reconciliation settings from configuration, and the threads runs execute on. */
@ApplicationScoped
public class ReconciliationProducer implements BackgroundWork {
    private final ExecutorService runs = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("reconciliation-", 0).daemon(true).factory());

    @Produces
    @Singleton
    ReconciliationSettings reconciliationSettings(ReconciliationConfig config) {
        return new ReconciliationSettings(
                config.providers().entrySet().stream()
                        .sorted(Comparator.comparing(java.util.Map.Entry::getKey))
                        .map(e -> new ReconciliationSettings.Provider(
                                e.getKey(), new FeePolicy(e.getValue().feeBps()), records(e.getKey(), e.getValue())))
                        .toList(),
                config.timeZone(),
                config.parallelism(),
                config.staleAfter(),
                config.maxErrorsKept(),
                config.settleChunkSize(),
                config.chunkTimeout(),
                config.maxRangeDays(),
                config.report().topMismatches());
    }

    /** The welcome-offline layout's files are terminal sales; every other layout's are online payments (D62). */
    static final String OFFLINE_LAYOUT = "welcome-offline";

    /**
     * {@code reconciliation.providers.<name>.records}: {@code topups} or {@code box-office-sales};
     * anything else refuses the start (the settings are built at start-up, D57).
     */
    static RecordType records(String provider, ReconciliationConfig.Provider config) {
        String layout = config.layout().orElse(provider);
        String records = config.records()
                .orElse(OFFLINE_LAYOUT.equals(layout) ? "box-office-sales" : "topups")
                .strip();
        return switch (records) {
            case "topups" -> RecordType.TOPUP;
            case "box-office-sales" -> RecordType.BOX_OFFICE_SALE;
            default ->
                throw new IllegalArgumentException("reconciliation.providers." + provider
                        + ".records must be topups or box-office-sales, not '" + records + "'");
        };
    }

    @Override
    public void submit(Runnable work) {
        runs.execute(work);
    }

    /** A run cut short here is RUNNING without heartbeats: the next trigger after stale-after restarts it. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        runs.shutdown();
        runs.awaitTermination(10, TimeUnit.SECONDS);
    }
}
