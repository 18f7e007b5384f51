package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.shared.IdempotencyConflictException;
import application.shared.IdempotencyKey;
import application.shared.port.out.IdempotencyStore;
import domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link IdempotencyStore}: one effect per key. A claim belongs to the caller's transaction, and a
 * concurrent claim of the same key waits for it.
 */
public abstract class IdempotencyStoreContract extends PortContract<IdempotencyStore> {
    protected IdempotencyStoreContract(Supplier<Stores> implementations) {
        super(implementations, Stores::idempotency);
    }

    /** Every key claimed here is older: forgetting up to it leaves nothing of ours behind. */
    private static final Instant CLEAN_UP_BEFORE = NOW.plus(Duration.ofDays(365));

    @BeforeEach
    void forgetWhatOtherCasesLeft() {
        tx().call(() -> store().forgetOlderThan(CLEAN_UP_BEFORE, Integer.MAX_VALUE));
    }

    private static IdempotencyKey newKey() {
        return new IdempotencyKey(new UserId("contract-" + UUID.randomUUID()), "payment", "k-" + UUID.randomUUID());
    }

    private Optional<UUID> claim(IdempotencyKey key, String fingerprint, Instant at) {
        return tx().call(() -> store().claim(key, fingerprint, at));
    }

    private UUID answer(IdempotencyKey key, String fingerprint, Instant at) {
        UUID result = UUID.randomUUID();
        tx().run(() -> {
            assertEquals(Optional.empty(), store().claim(key, fingerprint, at));
            store().complete(key, result);
        });
        return result;
    }

    @Test
    void aNewKeyIsClaimedAndThenAnswersWithItsEffect() {
        IdempotencyKey key = newKey();
        UUID result = answer(key, "amount=100", NOW);

        assertEquals(Optional.of(result), claim(key, "amount=100", NOW.plusSeconds(1)));
    }

    @Test
    void theSameKeyWithAnotherRequestConflicts() {
        IdempotencyKey key = newKey();
        answer(key, "amount=100", NOW);

        assertThrows(IdempotencyConflictException.class, () -> claim(key, "amount=200", NOW));
    }

    @Test
    void aKeyBelongsToItsUserAndOperation() {
        IdempotencyKey key = newKey();
        answer(key, "amount=100", NOW);

        assertEquals(
                Optional.empty(),
                claim(
                        new IdempotencyKey(new UserId("contract-" + UUID.randomUUID()), key.operation(), key.key()),
                        "x",
                        NOW));
        assertEquals(Optional.empty(), claim(new IdempotencyKey(key.userId(), "charge", key.key()), "x", NOW));
    }

    @Test
    void aClaimRolledBackWithItsEffectLeavesTheKeyFree() {
        IdempotencyKey key = newKey();

        inATransactionThatRollsBack(() -> {
            store().claim(key, "amount=100", NOW);
            store().complete(key, UUID.randomUUID());
        });

        UUID result = answer(key, "amount=200", NOW);
        assertEquals(Optional.of(result), claim(key, "amount=200", NOW));
    }

    @Test
    void aConcurrentClaimOfTheSameKeyWaitsAndGetsTheFirstOnesEffect() throws Exception {
        IdempotencyKey key = newKey();
        UUID result = UUID.randomUUID();

        Optional<UUID> second = Turns.secondWaitsForFirst(
                tx(),
                () -> {
                    store().claim(key, "amount=100", NOW);
                    store().complete(key, result);
                },
                () -> store().claim(key, "amount=100", NOW));

        assertEquals(Optional.of(result), second);
    }

    @Test
    void keysClaimedBeforeTheCutoffAreForgottenOldestFirst() {
        IdempotencyKey oldest = newKey();
        IdempotencyKey older = newKey();
        IdempotencyKey atCutoff = newKey();
        answer(oldest, "f", NOW.minusSeconds(2));
        answer(older, "f", NOW.minusSeconds(1));
        UUID kept = answer(atCutoff, "f", NOW);

        assertEquals(1, tx().call(() -> store().forgetOlderThan(NOW, 1)));
        assertEquals(Optional.empty(), claim(oldest, "g", NOW), "the oldest was forgotten: a new claim");
        assertEquals(1, tx().call(() -> store().forgetOlderThan(NOW, 10)));
        assertEquals(Optional.empty(), claim(older, "g", NOW));
        assertEquals(0, tx().call(() -> store().forgetOlderThan(NOW, 10)), "claimed at the cutoff: kept");
        assertEquals(Optional.of(kept), claim(atCutoff, "f", NOW));
    }
}
