package domain.partnersync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.partnersync.BookingRecord.CheckInSection;
import domain.partnersync.BookingRecord.PaymentSection;
import domain.reservation.ReservationStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingRecordTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456Z");
    private static final UUID ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID PAYMENT = UUID.fromString("22222222-2222-2222-2222-222222222222");

    static BookingRecord held() {
        return new BookingRecord(ID, "member-1", 1, 2, 3, 1000, ReservationStatus.HELD, T0, T0, null, null);
    }

    static BookingRecord paid() {
        return new BookingRecord(
                ID,
                "member-1",
                1,
                2,
                3,
                1000,
                ReservationStatus.CONFIRMED,
                T0,
                T0.plusSeconds(60),
                new PaymentSection(PAYMENT, 1000, T0.plusSeconds(60), null),
                null);
    }

    @Test
    void aHoldAndAnUnusedPaidSeatCanStillChange() {
        assertFalse(held().isFinal());
        assertFalse(paid().isFinal());
    }

    @Test
    void lapsedCancelledRefundedAndCheckedInRecordsAreFinal() {
        BookingRecord h = held();
        assertTrue(with(h, ReservationStatus.EXPIRED).isFinal());
        assertTrue(with(h, ReservationStatus.CANCELLED).isFinal());
        BookingRecord p = paid();
        assertTrue(refunded(p).isFinal());
        assertTrue(with(refunded(p), ReservationStatus.REFUNDED).isFinal(), "REFUNDED is final");
        assertTrue(checkedIn(p).isFinal());
    }

    @Test
    void aChildRowThatAppearsOrChangesIsAChange() {
        BookingRecord h = held();
        BookingRecord p = paid();
        assertFalse(h.differsFrom(held()), "the same state read twice is no change");
        assertTrue(p.differsFrom(h), "paid");
        assertTrue(refunded(p).differsFrom(p), "refunded");
        assertTrue(checkedIn(p).differsFrom(p), "checked in");
        assertFalse(refunded(p).differsFrom(refunded(p)));
    }

    @Test
    void aPageSentAgainUnchangedHasTheSameBatchIdAndAChangedOneANewId() {
        SyncBatch first = SyncBatch.of(SyncSection.NEW, List.of(held(), paid()));
        assertEquals(
                first.batchId(),
                SyncBatch.of(SyncSection.NEW, List.of(held(), paid())).batchId());
        assertNotEquals(
                first.batchId(),
                SyncBatch.of(SyncSection.CHANGED, List.of(held(), paid())).batchId());
        assertNotEquals(
                first.batchId(),
                SyncBatch.of(SyncSection.NEW, List.of(held(), refunded(paid()))).batchId());
        assertNotEquals(
                first.batchId(), SyncBatch.of(SyncSection.NEW, List.of(held())).batchId());
    }

    static BookingRecord with(BookingRecord r, ReservationStatus status) {
        return new BookingRecord(
                r.reservationId(),
                r.userId(),
                r.concertId(),
                r.scheduleId(),
                r.seatNumber(),
                r.price(),
                status,
                r.createdAt(),
                r.updatedAt().plusSeconds(1),
                r.payment(),
                r.checkIn());
    }

    static BookingRecord refunded(BookingRecord r) {
        PaymentSection p = r.payment();
        return new BookingRecord(
                r.reservationId(),
                r.userId(),
                r.concertId(),
                r.scheduleId(),
                r.seatNumber(),
                r.price(),
                r.status(),
                r.createdAt(),
                r.updatedAt(),
                new PaymentSection(p.id(), p.amount(), p.paidAt(), p.paidAt().plusSeconds(3600)),
                r.checkIn());
    }

    static BookingRecord checkedIn(BookingRecord r) {
        return new BookingRecord(
                r.reservationId(),
                r.userId(),
                r.concertId(),
                r.scheduleId(),
                r.seatNumber(),
                r.price(),
                r.status(),
                r.createdAt(),
                r.updatedAt(),
                r.payment(),
                new CheckInSection(T0.plusSeconds(7200)));
    }
}
