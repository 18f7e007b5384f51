package adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.partnersync.BookingRecord;
import domain.reservation.ReservationStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A tracked record's snapshot as stored in {@code partner_sync_tracked.snapshot}: the record of the
 * app server's contract, as JSON (instants as ISO-8601 text, exactly as read from PostgreSQL).
 */
final class SyncSnapshotJson {
    private SyncSnapshotJson() {}

    @RegisterForReflection
    record Snapshot(
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
            CheckIn checkIn) {}

    @RegisterForReflection
    record Payment(UUID id, long amount, String paidAt, String refundedAt) {}

    @RegisterForReflection
    record CheckIn(String checkedInAt) {}

    static String write(ObjectMapper json, BookingRecord r) {
        BookingRecord.PaymentSection p = r.payment();
        BookingRecord.CheckInSection c = r.checkIn();
        Snapshot snapshot = new Snapshot(
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
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot could not be written", e);
        }
    }

    static BookingRecord read(ObjectMapper json, String text) {
        Snapshot s;
        try {
            s = json.readValue(text, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot could not be read", e);
        }
        return new BookingRecord(
                s.reservationId(),
                s.userId(),
                s.concertId(),
                s.scheduleId(),
                s.seatNumber(),
                s.price(),
                ReservationStatus.valueOf(s.status()),
                instant(s.createdAt()),
                instant(s.updatedAt()),
                s.payment() == null
                        ? null
                        : new BookingRecord.PaymentSection(
                                s.payment().id(),
                                s.payment().amount(),
                                instant(s.payment().paidAt()),
                                instant(s.payment().refundedAt())),
                s.checkIn() == null
                        ? null
                        : new BookingRecord.CheckInSection(instant(s.checkIn().checkedInAt())));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
