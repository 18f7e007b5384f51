package adapters.config;

import application.catalog.port.in.CreateConcertUseCase;
import application.catalog.port.in.ListConcertsUseCase;
import application.shared.PageRequest;
import domain.concert.ConcertPlan;
import domain.shared.Money;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/** In dev mode only: an empty database gets a demo concert to walk through. */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevDataSeeder {
    private static final Logger LOG = Logger.getLogger(DevDataSeeder.class);

    void seed(@Observes StartupEvent event, ListConcertsUseCase concerts, CreateConcertUseCase create) {
        if (!concerts.list(PageRequest.first(1)).items().isEmpty()) {
            return;
        }
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(30));
        var concert = create.create(new ConcertPlan(
                "Demo concert",
                List.of(
                        new ConcertPlan.SchedulePlan(base, 50, Money.won(50_000)),
                        new ConcertPlan.SchedulePlan(base.plus(Duration.ofDays(1)), 50, Money.won(70_000)))));
        LOG.infof("seeded demo concert %d with schedules %s", concert.id(), concert.schedules());
    }
}
