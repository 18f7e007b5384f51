package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.out.SeatInventory;
import application.fakes.InMemoryRefundStore;
import application.fakes.InMemoryReservationRepository;
import application.fakes.InMemorySeatInventory;
import application.refund.port.out.RefundStore;
import domain.concert.Concert;
import domain.concert.Seat;
import domain.concert.SeatStatus;
import domain.event.BookingEvents;
import domain.refund.Refund;
import domain.refund.RefundPolicy;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link RefundStore}: a refund writes the reservation REFUNDED, frees its seat and keeps the refund,
 * only while the reservation is CONFIRMED, and at most once per reservation.
 */
public abstract class RefundStoreContract extends PortContract<RefundStore> {
    /** One refund store per set of stores: the fake shares the fakes' reservations and seats. */
    private static final Map<Stores, RefundStore> STORES = new IdentityHashMap<>();

    protected RefundStoreContract(Supplier<Stores> implementations) {
        super(implementations, RefundStoreContract::refundStoreOf);
    }

    private static synchronized RefundStore refundStoreOf(Stores stores) {
        return STORES.computeIfAbsent(
                stores,
                s -> s.reservations() instanceof InMemoryReservationRepository reservations
                        ? new InMemoryRefundStore(reservations, (InMemorySeatInventory) s.seats())
                        : Arc.container().instance(RefundStore.class).get());
    }

    private Catalogue catalogue() {
        return new Catalogue(stores().concerts(), tx());
    }

    /** A seat held, then paid (reservation CONFIRMED, seat SOLD) through the booking ports. */
    private Reservation paidSeat(boolean pay) {
        Concert concert = catalogue().concert(1, 5_000, NOW.plus(Duration.ofDays(30)), NOW);
        long scheduleId = Catalogue.onlySchedule(concert).id();
        HoldPolicy policy = new HoldPolicy(Duration.ofMinutes(5));
        UUID id = UUID.randomUUID();
        return tx().call(() -> {
            SeatInventory.HeldSeat seat = (SeatInventory.HeldSeat)
                    stores().seats().hold(scheduleId, 1, id, policy.expiryFor(NOW), NOW, FAN, concert.id());
            Reservation held =
                    Reservation.hold(id, FAN, concert.id(), scheduleId, seat.seatId(), 1, seat.price(), NOW, policy);
            stores().reservations().insert(held, BookingEvents.reservationHeld(UUID.randomUUID(), held, NOW));
            if (!pay) {
                return held;
            }
            Reservation confirmed = held.confirm(NOW);
            assertTrue(stores().reservations().saveIfStillHeld(confirmed, NOW));
            assertTrue(stores().seats().sell(seat.seatId(), id));
            return confirmed;
        });
    }

    private static Refund refundOf(Reservation paid) {
        return new RefundPolicy(Duration.ofHours(24), 10)
                .ownerRefund(UUID.randomUUID(), paid, NOW.plus(Duration.ofDays(30)), UUID.randomUUID(), NOW);
    }

    private Seat seatOf(Reservation reservation) {
        return catalogue().seat(reservation.scheduleId(), reservation.seatNumber());
    }

    @Test
    void aRefundOfAPaidSeatIsKeptTheReservationRefundedAndTheSeatFree() {
        Reservation paid = paidSeat(true);
        Refund refund = refundOf(paid);

        assertTrue(tx().call(() -> store().record(paid.refund(NOW), refund)));

        assertEquals(refund, tx().call(() -> store().findById(refund.id())).orElseThrow());
        assertEquals(
                refund, tx().call(() -> store().findByReservation(paid.id())).orElseThrow());
        assertEquals(
                ReservationStatus.REFUNDED,
                tx().call(() -> stores().reservations().findById(paid.id()))
                        .orElseThrow()
                        .storedStatus());
        assertEquals(SeatStatus.AVAILABLE, seatOf(paid).storedStatus());
        assertTrue(tx().call(() -> store().findById(UUID.randomUUID())).isEmpty());
    }

    @Test
    void aSeatIsRefundedOnce() {
        Reservation paid = paidSeat(true);
        Refund first = refundOf(paid);
        assertTrue(tx().call(() -> store().record(paid.refund(NOW), first)));

        assertFalse(tx().call(() -> store().record(paid.refund(NOW), refundOf(paid))));

        assertEquals(
                first, tx().call(() -> store().findByReservation(paid.id())).orElseThrow());
    }

    @Test
    void aHoldIsNotRefundedAndNothingIsWritten() {
        Reservation held = paidSeat(false);
        Reservation asIfPaid = held.confirm(NOW);
        Refund refund = refundOf(asIfPaid);

        assertFalse(tx().call(() -> store().record(asIfPaid.refund(NOW), refund)));

        assertTrue(tx().call(() -> store().findByReservation(held.id())).isEmpty());
        assertEquals(SeatStatus.HELD, seatOf(held).storedStatus());
    }
}
