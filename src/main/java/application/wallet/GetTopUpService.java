package application.wallet;

import application.wallet.port.in.GetTopUpUseCase;
import application.wallet.port.in.SettleTopUpUseCase;
import application.wallet.port.out.PaymentGateway;
import application.wallet.port.out.TopUpStore;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import domain.topup.TopUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Runs outside any transaction: the PG's status query is remote; settling is its own transaction. */
@ApplicationScoped
public class GetTopUpService implements GetTopUpUseCase {
    private final TopUpStore topUps;
    private final PaymentGateway gateway;
    private final SettleTopUpUseCase settle;

    public GetTopUpService(TopUpStore topUps, PaymentGateway gateway, SettleTopUpUseCase settle) {
        this.topUps = topUps;
        this.gateway = gateway;
        this.settle = settle;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public TopUp get(UserId userId, UUID topUpId) {
        TopUp topUp = topUps.findById(topUpId)
                .filter(t -> t.belongsTo(userId))
                .orElseThrow(() -> new NotFoundException("top-up", topUpId));
        if (!topUp.isPending()) {
            return topUp;
        }
        return GatewayAnswers.apply(settle, topUp, gateway.status(topUp.provider(), topUp.paymentKey()));
    }
}
