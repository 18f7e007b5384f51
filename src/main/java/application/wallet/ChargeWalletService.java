package application.wallet;

import application.wallet.port.in.ChargeWalletUseCase;
import application.wallet.port.in.SettleTopUpUseCase;
import application.wallet.port.out.PaymentGateway;
import application.wallet.port.out.WalletStore;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.topup.PaymentDeclinedException;
import domain.topup.TopUp;
import domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A charge without a PG is one transaction ({@link ChargeSteps#chargeNow}), allowed only with
 * {@code wallet.direct-charges.enabled} and no PG configured; otherwise the payment is required. A PG top-up is two,
 * with the PG's confirm between them and no transaction open while it answers: (1) the key is
 * claimed for a new PENDING top-up, (2) the PG's answer settles it ({@link SettleTopUpUseCase}).
 * When the answer does not come (timeout, 5xx, PG unreachable) the top-up stays PENDING: nothing is
 * credited, nothing is lost, and a status query or the reconciliation settles it later.
 */
@ApplicationScoped
public class ChargeWalletService implements ChargeWalletUseCase {
    private final ChargeSteps steps;
    private final PaymentGateway gateway;
    private final SettleTopUpUseCase settle;
    private final WalletStore wallets;
    private final WalletSettings settings;

    public ChargeWalletService(
            ChargeSteps steps,
            PaymentGateway gateway,
            SettleTopUpUseCase settle,
            WalletStore wallets,
            WalletSettings settings) {
        this.steps = steps;
        this.gateway = gateway;
        this.settle = settle;
        this.wallets = wallets;
        this.settings = settings;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public Result charge(Command command) {
        Money amount = Wallet.requireChargeable(command.amount());
        GatewayPayment payment = command.payment();
        if (payment == null) {
            // fail closed: money without a verified source only where explicitly switched on
            // (wallet.direct-charges.enabled, dev and test), and never beside a configured PG
            if (gateway.isConfigured() || !settings.directCharges()) {
                throw new InvalidValueException(
                        "payment",
                        "a payment {provider, paymentKey, orderId} confirmed by a payment gateway is required");
            }
            return steps.chargeNow(command, amount);
        }
        if (!gateway.providers().contains(payment.provider())) {
            throw new InvalidValueException(
                    "payment.provider", "'" + payment.provider() + "' is not a configured payment gateway");
        }
        ChargeSteps.Opened opened = steps.open(command, amount);
        TopUp topUp = opened.topUp();
        if (!opened.replayed()) {
            PaymentGateway.Answer answer =
                    gateway.confirm(payment.provider(), payment.paymentKey(), payment.orderId(), amount);
            topUp = GatewayAnswers.apply(settle, topUp, answer);
        }
        return switch (topUp.status()) {
            case APPROVED ->
                new Result(wallets.transaction(topUp.transactionId()).orElseThrow(), topUp, opened.replayed());
            case PENDING -> new Result(null, topUp, opened.replayed());
            case DECLINED, CANCELLED -> throw new PaymentDeclinedException(topUp);
        };
    }
}
