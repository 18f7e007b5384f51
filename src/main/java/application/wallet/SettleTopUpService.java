package application.wallet;

import application.events.port.out.OutboxPort;
import application.wallet.port.in.SettleTopUpUseCase;
import application.wallet.port.out.TopUpStore;
import application.wallet.port.out.WalletStore;
import domain.event.BookingEvents;
import domain.topup.TopUp;
import domain.topup.TopUpStatus;
import domain.wallet.WalletTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Exactly once, even when a status query, a retried request and the reconciliation settle the same
 * top-up at the same moment: the transition is one conditional statement ({@code UPDATE topup …
 * WHERE id = ? AND status = 'PENDING'}, see {@link TopUpStore#settle}) and the wallet is credited
 * only by the transaction whose statement changed the row. A concurrent one waits for that row's
 * lock, finds it no longer PENDING, credits nothing and returns the settled top-up.
 */
@ApplicationScoped
public class SettleTopUpService implements SettleTopUpUseCase {
    private final TopUpStore topUps;
    private final WalletStore wallets;
    private final OutboxPort outbox;
    private final Clock clock;

    public SettleTopUpService(TopUpStore topUps, WalletStore wallets, OutboxPort outbox, Clock clock) {
        this.topUps = topUps;
        this.wallets = wallets;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<TopUp> settle(String provider, String paymentKey, TopUpStatus outcome) {
        return settle(provider, paymentKey, outcome, null, null);
    }

    @Override
    @Transactional
    public Optional<TopUp> settle(
            String provider, String paymentKey, TopUpStatus outcome, String failureCode, String failureMessage) {
        if (outcome == null || !outcome.isFinal()) {
            throw new IllegalArgumentException("a top-up settles as APPROVED, DECLINED or CANCELLED, not " + outcome);
        }
        Optional<TopUp> found = topUps.findByPayment(provider, paymentKey);
        if (found.isEmpty() || !found.get().isPending()) {
            return found;
        }
        TopUp pending = found.get();
        Instant now = clock.instant();
        TopUp settled = outcome == TopUpStatus.APPROVED
                ? pending.approve(UUID.randomUUID(), now)
                : pending.close(outcome, failureCode, failureMessage);
        if (!topUps.settle(settled, now)) {
            // another transaction settled it between our read and our update: its word stands
            return topUps.findById(pending.id());
        }
        if (settled.status() == TopUpStatus.APPROVED) {
            WalletTransaction entry = wallets.charge(settled.userId(), settled.amount(), settled.transactionId(), now)
                    .entry();
            outbox.append(BookingEvents.walletCharged(UUID.randomUUID(), entry));
        }
        return Optional.of(settled);
    }
}
