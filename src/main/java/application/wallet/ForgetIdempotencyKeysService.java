package application.wallet;

import application.shared.JobSettings;
import application.shared.port.out.IdempotencyStore;
import application.wallet.port.in.ForgetIdempotencyKeysUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class ForgetIdempotencyKeysService implements ForgetIdempotencyKeysUseCase {
    private final IdempotencyStore idempotency;
    private final JobSettings settings;
    private final Clock clock;

    public ForgetIdempotencyKeysService(IdempotencyStore idempotency, JobSettings settings, Clock clock) {
        this.idempotency = idempotency;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int forgetBatch(int batchSize) {
        return idempotency.forgetOlderThan(clock.instant().minus(settings.idempotencyRetention()), batchSize);
    }
}
