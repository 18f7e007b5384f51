package adapters.postgres;

import domain.concert.SeatStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Read model of a seat. Every write to a seat is a conditional native statement in {@link PostgresSeatInventory}. */
@Entity
@Table(name = "seat")
class SeatEntity {
    @Id
    Long id;

    @Column(name = "schedule_id", nullable = false)
    long scheduleId;

    @Column(nullable = false)
    int number;

    @Column(nullable = false)
    long price;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    SeatStatus status;

    @Column(name = "reservation_id")
    UUID reservationId;

    @Column(name = "hold_expires_at")
    Instant holdExpiresAt;
}
