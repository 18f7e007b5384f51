package adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model of a wallet; balances change only through the conditional statements of {@link PostgresWalletStore}. */
@Entity
@Table(name = "wallet")
class WalletEntity {
    @Id
    @Column(name = "user_id", length = 64)
    String userId;

    @Column(nullable = false)
    long balance;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
