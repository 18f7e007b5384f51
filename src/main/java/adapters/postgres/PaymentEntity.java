package adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payment")
class PaymentEntity {
    @Id
    UUID id;

    @Column(name = "reservation_id", nullable = false, unique = true)
    UUID reservationId;

    @Column(name = "user_id", nullable = false, length = 64)
    String userId;

    @Column(nullable = false)
    long amount;

    @Column(name = "balance_after", nullable = false)
    long balanceAfter;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** The payment request it was part of (D47); null only in rows written without it. */
    @Column(name = "group_id")
    UUID groupId;

    /** The one PAYMENT ledger line of its group. */
    @Column(name = "wallet_transaction_id")
    UUID walletTransactionId;
}
