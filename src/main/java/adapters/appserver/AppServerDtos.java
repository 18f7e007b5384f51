package adapters.appserver;

import domain.partnersync.BookingRecord;
import domain.partnersync.SyncBatch;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON of the app server's contract (docs/sync.md). Instants are ISO-8601 text in UTC. */
final class AppServerDtos {
    private AppServerDtos() {}

    @RegisterForReflection
    record Batch(UUID batchId, String section, List<RecordJson> records) {
        static Batch of(SyncBatch batch) {
            return new Batch(
                    batch.batchId(),
                    batch.section().name(),
                    batch.records().stream().map(RecordJson::of).toList());
        }
    }

    @RegisterForReflection
    record RecordJson(
            UUID reservationId,
            String userId,
            long concertId,
            long scheduleId,
            int seatNumber,
            long price,
            String status,
            String createdAt,
            String updatedAt,
            Payment payment,
            CheckIn checkIn) {
        static RecordJson of(BookingRecord r) {
            BookingRecord.PaymentSection p = r.payment();
            BookingRecord.CheckInSection c = r.checkIn();
            return new RecordJson(
                    r.reservationId(),
                    r.userId(),
                    r.concertId(),
                    r.scheduleId(),
                    r.seatNumber(),
                    r.price(),
                    r.status().name(),
                    text(r.createdAt()),
                    text(r.updatedAt()),
                    p == null ? null : new Payment(p.id(), p.amount(), text(p.paidAt()), text(p.refundedAt())),
                    c == null ? null : new CheckIn(text(c.checkedInAt())));
        }
    }

    @RegisterForReflection
    record Payment(UUID id, long amount, String paidAt, String refundedAt) {}

    @RegisterForReflection
    record CheckIn(String checkedInAt) {}

    /** The answer: the ids the server accepted (stored). */
    @RegisterForReflection
    record Answer(List<UUID> accepted) {}

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
