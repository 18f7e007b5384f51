package domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {
    private static final UUID ID = UUID.randomUUID();
    private static final UUID RESERVATION = UUID.randomUUID();
    private static final UserId USER = new UserId("alice");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aPaymentRecordsAmountAndBalanceLeft() {
        Payment payment = new Payment(ID, RESERVATION, USER, Money.won(30), Money.won(70), NOW);

        assertEquals(Money.won(30), payment.amount());
        assertEquals(Money.won(70), payment.balanceAfter());
        assertEquals(RESERVATION, payment.reservationId());
    }

    @Test
    void everyPartOfAPaymentIsRequired() {
        Money m = Money.won(1);
        assertThrows(NullPointerException.class, () -> new Payment(null, RESERVATION, USER, m, m, NOW));
        assertThrows(NullPointerException.class, () -> new Payment(ID, null, USER, m, m, NOW));
        assertThrows(NullPointerException.class, () -> new Payment(ID, RESERVATION, null, m, m, NOW));
        assertThrows(NullPointerException.class, () -> new Payment(ID, RESERVATION, USER, null, m, NOW));
        assertThrows(NullPointerException.class, () -> new Payment(ID, RESERVATION, USER, m, null, NOW));
        assertThrows(NullPointerException.class, () -> new Payment(ID, RESERVATION, USER, m, m, null));
    }
}
