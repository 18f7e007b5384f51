package application.wallet.port.in;

import domain.shared.NotFoundException;
import domain.shared.UserId;
import domain.topup.TopUp;
import java.util.UUID;

public interface GetTopUpUseCase {
    /**
     * The caller's top-up. A PENDING one is first checked with its PG, and settled if the PG now
     * has a final answer.
     *
     * @throws NotFoundException when it does not exist or belongs to someone else
     */
    TopUp get(UserId userId, UUID topUpId);
}
