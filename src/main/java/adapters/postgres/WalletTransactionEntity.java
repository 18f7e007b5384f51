package adapters.postgres;

import domain.wallet.TransactionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "wallet_transaction")
class WalletTransactionEntity {
    @Id
    UUID id;

    /** Assigned by the database on insert; the ledger's order. */
    @Column(insertable = false, updatable = false)
    Long seq;

    @Column(name = "user_id", nullable = false, length = 64)
    String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    TransactionType type;

    @Column(nullable = false)
    long amount;

    @Column(name = "balance_after", nullable = false)
    long balanceAfter;

    @Column(name = "reference_id")
    UUID referenceId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
