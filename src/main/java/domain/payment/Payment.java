package domain.payment;

import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A reservation paid from the wallet: the amount taken and the balance it left. */
public record Payment(UUID id, UUID reservationId, UserId userId, Money amount, Money balanceAfter, Instant createdAt) {
    public Payment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(reservationId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(balanceAfter);
        Objects.requireNonNull(createdAt);
    }
}
