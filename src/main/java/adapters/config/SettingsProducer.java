package adapters.config;

import application.booking.BoxOfficeSettings;
import application.events.RelaySettings;
import application.queue.port.out.OpeningSettings;
import application.queue.port.out.QueueSettings;
import application.shared.JobSettings;
import domain.concert.BookingWindow;
import domain.event.RetryPolicy;
import domain.queue.AdmissionPolicy;
import domain.reservation.HoldPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Turns configuration into the plain values the application is built with. */
public class SettingsProducer {

    @Produces
    @Singleton
    QueueSettings queueSettings(BookingConfig.Queue queue) {
        return new QueueSettings(new AdmissionPolicy(queue.maxActive()).maxActive(), queue.activeTtl());
    }

    @Produces
    @Singleton
    OpeningSettings openingSettings(BookingConfig.Queue queue) {
        return new OpeningSettings(queue.openingChunk(), queue.openingCacheTtl());
    }

    @Produces
    @Singleton
    HoldPolicy holdPolicy(BookingConfig.Reservation reservation) {
        return new HoldPolicy(reservation.holdTtl(), reservation.maxHeldPerUser());
    }

    @Produces
    @Singleton
    BookingWindow bookingWindow(BookingConfig.Reservation reservation) {
        return new BookingWindow(reservation.closeBefore());
    }

    @Produces
    @Singleton
    BoxOfficeSettings boxOfficeSettings(BookingConfig.BoxOffice boxOffice) {
        return new BoxOfficeSettings(new BookingWindow(boxOffice.closeBefore()), boxOffice.maxSeats());
    }

    @Produces
    @Singleton
    JobSettings jobSettings(
            BookingConfig.Jobs jobs, BookingConfig.Reservation reservation, BookingConfig.Idempotency idempotency) {
        return new JobSettings(jobs.leaseTtl(), reservation.expiryBatchSize(), idempotency.retention());
    }

    @Produces
    @Singleton
    RelaySettings relaySettings(BookingConfig.Events events) {
        BookingConfig.Events.Relay relay = events.relay();
        return new RelaySettings(
                relay.batchSize(),
                new RetryPolicy(relay.backoffBase(), relay.backoffMax(), relay.maxAttempts()),
                relay.retention());
    }

    @Produces
    @Singleton
    Clock clock() {
        // millisecond ticks: what Redis scores and every client see; PostgreSQL keeps microseconds
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
