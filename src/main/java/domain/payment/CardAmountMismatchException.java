package domain.payment;

import domain.shared.DomainException;
import domain.shared.Money;

/** The terminal approved another amount than the seats cost: nothing is sold. */
public final class CardAmountMismatchException extends DomainException {
    private final Money approved;
    private final Money price;

    public CardAmountMismatchException(Money approved, Money price) {
        super("the terminal approved " + approved.won() + " KRW, the seats cost " + price.won() + " KRW");
        this.approved = approved;
        this.price = price;
    }

    public Money approved() {
        return approved;
    }

    public Money price() {
        return price;
    }
}
