package application.wallet;

import application.wallet.port.in.SettleTopUpUseCase;
import application.wallet.port.out.PaymentGateway.Answer;
import domain.topup.TopUp;
import domain.topup.TopUpStatus;

/** Applies a PG's answer to a PENDING top-up through {@link SettleTopUpUseCase}. */
final class GatewayAnswers {
    private GatewayAnswers() {}

    /** The top-up after the answer: settled if the answer was final, else unchanged (still PENDING). */
    static TopUp apply(SettleTopUpUseCase settle, TopUp pending, Answer answer) {
        return switch (answer) {
            // the PG reports another amount than ours: left PENDING for the reconciliation to look at
            case Answer.Approved approved when !approved.amount().equals(pending.amount()) -> pending;
            case Answer.Approved approved ->
                settle.settle(pending.provider(), pending.paymentKey(), TopUpStatus.APPROVED)
                        .orElseThrow();
            case Answer.Refused refused ->
                settle.settle(
                                pending.provider(),
                                pending.paymentKey(),
                                refused.outcome(),
                                refused.code(),
                                refused.message())
                        .orElseThrow();
            case Answer.Unknown unknown -> pending;
        };
    }
}
