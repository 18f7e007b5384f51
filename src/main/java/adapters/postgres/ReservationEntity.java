package adapters.postgres;

import domain.reservation.ReservationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "reservation")
class ReservationEntity {
    @Id
    UUID id;

    @Column(name = "user_id", nullable = false, length = 64)
    String userId;

    @Column(name = "concert_id", nullable = false)
    long concertId;

    @Column(name = "schedule_id", nullable = false)
    long scheduleId;

    @Column(name = "seat_id", nullable = false)
    long seatId;

    @Column(name = "seat_number", nullable = false)
    int seatNumber;

    @Column(nullable = false)
    long price;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    ReservationStatus status;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** The hold it was made by (D47); null only in rows written without it (an order of one). */
    @Column(name = "order_id")
    UUID orderId;
}
