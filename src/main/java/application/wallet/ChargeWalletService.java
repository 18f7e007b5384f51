package application.wallet;

import application.port.IdempotencyKey;
import application.port.IdempotencyStore;
import application.port.OutboxPort;
import application.port.WalletStore;
import domain.event.BookingEvents;
import domain.shared.Money;
import domain.wallet.Wallet;
import domain.wallet.WalletTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ChargeWalletService implements ChargeWalletUseCase {
    static final String OPERATION = "charge";

    private final WalletStore wallets;
    private final IdempotencyStore idempotency;
    private final OutboxPort outbox;
    private final Clock clock;

    public ChargeWalletService(WalletStore wallets, IdempotencyStore idempotency, OutboxPort outbox, Clock clock) {
        this.wallets = wallets;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result charge(Command command) {
        Money amount = Wallet.requireChargeable(command.amount());
        IdempotencyKey key = new IdempotencyKey(command.userId(), OPERATION, command.idempotencyKey());
        Instant now = clock.instant();
        Optional<UUID> answered = idempotency.claim(key, "amount=" + amount.won(), now);
        if (answered.isPresent()) {
            return new Result(wallets.transaction(answered.get()).orElseThrow(), true);
        }
        WalletTransaction entry =
                wallets.charge(command.userId(), amount, UUID.randomUUID(), now).entry();
        idempotency.complete(key, entry.id());
        outbox.append(BookingEvents.walletCharged(UUID.randomUUID(), entry));
        return new Result(entry, false);
    }
}
