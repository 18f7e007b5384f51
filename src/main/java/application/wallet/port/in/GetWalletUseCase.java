package application.wallet.port.in;

import domain.shared.UserId;
import domain.wallet.Wallet;

public interface GetWalletUseCase {
    Wallet get(UserId userId);
}
