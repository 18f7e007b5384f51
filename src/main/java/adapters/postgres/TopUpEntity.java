package adapters.postgres;

import domain.topup.TopUpStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Read model of a top-up; inserts and transitions are the conditional statements of {@link PostgresTopUpStore}. */
@Entity
@Table(name = "topup")
class TopUpEntity {
    @Id
    UUID id;

    @Column(name = "user_id", nullable = false, length = 64)
    String userId;

    @Column(nullable = false, length = 32)
    String provider;

    @Column(name = "payment_key", nullable = false, length = 200)
    String paymentKey;

    @Column(name = "order_id", nullable = false, length = 64)
    String orderId;

    @Column(nullable = false)
    long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    TopUpStatus status;

    @Column(name = "transaction_id")
    UUID transactionId;

    @Column(name = "failure_code", length = 64)
    String failureCode;

    @Column(name = "failure_message", length = 500)
    String failureMessage;

    @Column(name = "approved_at")
    Instant approvedAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
