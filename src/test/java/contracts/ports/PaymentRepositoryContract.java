package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.booking.port.out.PaymentRepository;
import domain.concert.Concert;
import domain.concert.Seat;
import domain.event.BookingEvents;
import domain.payment.Payment;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.shared.Money;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link PaymentRepository}: payments of reservations, one per reservation. */
public abstract class PaymentRepositoryContract extends PortContract<PaymentRepository> {
    protected PaymentRepositoryContract(Supplier<Stores> implementations) {
        super(implementations, Stores::payments);
    }

    /** A paid-for reservation needs a row of its own: the payment refers to it. */
    private Reservation reservation() {
        Catalogue catalogue = new Catalogue(stores().concerts(), tx());
        Concert concert = catalogue.concert(1, 5_000, NOW.plus(Duration.ofDays(30)), NOW);
        Seat seat = catalogue.seatsOf(Catalogue.onlySchedule(concert).id()).getFirst();
        Reservation reservation = Reservation.hold(
                UUID.randomUUID(),
                FAN,
                concert.id(),
                seat.scheduleId(),
                seat.id(),
                seat.number(),
                seat.price(),
                NOW,
                new HoldPolicy(Duration.ofMinutes(5)));
        tx().run(() -> stores().reservations()
                .insert(reservation, BookingEvents.reservationHeld(UUID.randomUUID(), reservation, NOW)));
        return reservation;
    }

    private static Payment payment(Reservation reservation) {
        return new Payment(UUID.randomUUID(), reservation.id(), FAN, reservation.price(), Money.won(1_000), NOW);
    }

    @Test
    void aPaymentIsFoundByItsId() {
        Payment payment = payment(reservation());

        tx().run(() -> store().insert(payment));

        assertEquals(payment, tx().call(() -> store().findById(payment.id())).orElseThrow());
        assertTrue(tx().call(() -> store().findById(UUID.randomUUID())).isEmpty());
    }

    @Test
    void aReservationIsPaidOnce() {
        Reservation reservation = reservation();
        Payment first = payment(reservation);
        tx().run(() -> store().insert(first));
        Payment second = payment(reservation);

        assertThrows(RuntimeException.class, () -> tx().run(() -> store().insert(second)));

        assertTrue(tx().call(() -> store().findById(second.id())).isEmpty());
        assertEquals(first, tx().call(() -> store().findById(first.id())).orElseThrow());
    }

    @Test
    void thePaymentsOfOneRequestAreFoundByTheirGroupInScheduleAndSeatOrder() {
        Reservation first = reservation();
        Reservation second = reservation(); // a later schedule
        Reservation elsewhere = reservation();
        UUID group = UUID.randomUUID();
        UUID ledgerLine = UUID.randomUUID();
        Payment a =
                new Payment(UUID.randomUUID(), first.id(), FAN, first.price(), Money.won(0), NOW, group, ledgerLine);
        Payment b =
                new Payment(UUID.randomUUID(), second.id(), FAN, second.price(), Money.won(0), NOW, group, ledgerLine);
        Payment other = payment(elsewhere);

        tx().run(() -> {
            store().insert(b);
            store().insert(other);
            store().insert(a);
        });

        assertEquals(List.of(a, b), tx().call(() -> store().findByGroup(group)));
        assertEquals(List.of(other), tx().call(() -> store().findByGroup(other.id())), "a payment is a group of one");
        assertTrue(tx().call(() -> store().findByGroup(UUID.randomUUID())).isEmpty());
    }
}
