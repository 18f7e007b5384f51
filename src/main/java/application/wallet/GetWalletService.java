package application.wallet;

import application.wallet.port.in.GetWalletUseCase;
import application.wallet.port.out.WalletStore;
import domain.shared.UserId;
import domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GetWalletService implements GetWalletUseCase {
    private final WalletStore wallets;

    public GetWalletService(WalletStore wallets) {
        this.wallets = wallets;
    }

    @Override
    public Wallet get(UserId userId) {
        return wallets.load(userId);
    }
}
