package domain.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WalletTransactionTest {
    private static final UUID ID = UUID.randomUUID();
    private static final UserId ALICE = new UserId("alice");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aLineMovesAPositiveAmount() {
        WalletTransaction line = WalletTransaction.charge(ID, ALICE, Money.won(1), Money.won(1), NOW);

        assertEquals(Money.won(1), line.amount());
        assertEquals(TransactionType.CHARGE, line.type());
    }

    @Test
    void aLineOfZeroIsRejected() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> WalletTransaction.charge(ID, ALICE, Money.ZERO, Money.won(5), NOW));
        assertEquals("amount", e.field());
    }

    @Test
    void aLineWithoutAmountIsRejected() {
        assertThrows(
                InvalidValueException.class,
                () -> new WalletTransaction(ID, ALICE, TransactionType.REFUND, null, Money.ZERO, null, NOW));
    }

    @Test
    void aPaymentLineReferencesItsPayment() {
        UUID paymentId = UUID.randomUUID();

        WalletTransaction line = WalletTransaction.payment(ID, ALICE, Money.won(10), Money.won(0), paymentId, NOW);

        assertEquals(TransactionType.PAYMENT, line.type());
        assertEquals(paymentId, line.referenceId());
        assertEquals(Money.ZERO, line.balanceAfter());
    }

    @Test
    void requiredFieldsAreChecked() {
        Money one = Money.won(1);
        TransactionType charge = TransactionType.CHARGE;
        assertThrows(NullPointerException.class, () -> new WalletTransaction(null, ALICE, charge, one, one, null, NOW));
        assertThrows(NullPointerException.class, () -> new WalletTransaction(ID, null, charge, one, one, null, NOW));
        assertThrows(NullPointerException.class, () -> new WalletTransaction(ID, ALICE, null, one, one, null, NOW));
        assertThrows(NullPointerException.class, () -> new WalletTransaction(ID, ALICE, charge, one, null, null, NOW));
        assertThrows(NullPointerException.class, () -> new WalletTransaction(ID, ALICE, charge, one, one, null, null));
    }
}
