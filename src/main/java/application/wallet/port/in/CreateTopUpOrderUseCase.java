package application.wallet.port.in;

import domain.shared.InvalidValueException;
import domain.shared.UserId;
import domain.topup.TopUpOrder;
import domain.topup.TopUpOrderRefusedException;

public interface CreateTopUpOrderUseCase {
    /**
     * Opens a top-up order for the caller: its random id is the {@code orderId} the client hands the
     * PG, and the later charge is accepted only for this user, this amount, once, before it expires.
     *
     * @throws InvalidValueException when the amount is not chargeable
     * @throws TopUpOrderRefusedException (TOO_MANY_OPEN) when the user holds the maximum of open orders
     */
    TopUpOrder create(UserId userId, long amount);
}
