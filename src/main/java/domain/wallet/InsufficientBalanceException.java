package domain.wallet;

import domain.shared.DomainException;
import domain.shared.Money;
import domain.shared.UserId;

public final class InsufficientBalanceException extends DomainException {
    private final Money balance;
    private final Money required;

    public InsufficientBalanceException(UserId userId, Money balance, Money required) {
        super("the wallet holds " + balance.won() + " won but " + required.won() + " won are needed");
        this.balance = balance;
        this.required = required;
    }

    public Money balance() {
        return balance;
    }

    public Money required() {
        return required;
    }
}
