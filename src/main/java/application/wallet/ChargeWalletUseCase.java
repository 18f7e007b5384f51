package application.wallet;

import domain.shared.UserId;
import domain.wallet.WalletTransaction;

public interface ChargeWalletUseCase {
    /** Adds money to the caller's wallet, once per Idempotency-Key. */
    Result charge(Command command);

    record Command(UserId userId, long amount, String idempotencyKey) {}

    /** The ledger line of the charge; {@code replayed} when the key had already been answered. */
    record Result(WalletTransaction transaction, boolean replayed) {}
}
