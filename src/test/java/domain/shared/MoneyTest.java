package domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void zeroIsAValidAmount() {
        assertEquals(0, Money.won(0).won());
        assertEquals(Money.ZERO, Money.won(0));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -100, Long.MIN_VALUE})
    void negativeAmountsAreRejected(long won) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Money.won(won));
        assertEquals("amount", e.field());
    }

    @Test
    void theLargestLongIsAValidAmount() {
        assertEquals(Long.MAX_VALUE, new Money(Long.MAX_VALUE).won());
    }

    @Test
    void plusAddsTheAmountsWithoutChangingEither() {
        Money a = Money.won(1_500);
        Money b = Money.won(2_500);

        assertEquals(Money.won(4_000), a.plus(b));
        assertEquals(1_500, a.won());
        assertEquals(2_500, b.won());
    }

    @Test
    void plusThatWouldOverflowIsRefusedInsteadOfWrappingNegative() {
        Money max = Money.won(Long.MAX_VALUE);

        assertThrows(ArithmeticException.class, () -> max.plus(Money.won(1)));
    }

    @Test
    void minusSubtracts() {
        assertEquals(Money.won(700), Money.won(1_000).minus(Money.won(300)));
    }

    @Test
    void minusDownToExactlyZeroIsAllowed() {
        assertEquals(Money.ZERO, Money.won(1_000).minus(Money.won(1_000)));
    }

    @Test
    void minusBelowZeroIsRejected() {
        assertThrows(InvalidValueException.class, () -> Money.won(999).minus(Money.won(1_000)));
    }

    @Test
    void isLessThanComparesByAmount() {
        assertTrue(Money.won(1).isLessThan(Money.won(2)));
        assertFalse(Money.won(2).isLessThan(Money.won(2)));
        assertFalse(Money.won(3).isLessThan(Money.won(2)));
    }

    @Test
    void moneySortsByAmount() {
        List<Money> amounts = new ArrayList<>(List.of(Money.won(30), Money.won(10), Money.won(20)));
        Collections.sort(amounts);

        assertEquals(List.of(Money.won(10), Money.won(20), Money.won(30)), amounts);
        assertEquals(0, Money.won(5).compareTo(Money.won(5)));
    }
}
