package adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "schedule")
class ScheduleEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "concert_id", nullable = false)
    long concertId;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;

    @Column(name = "seat_count", nullable = false)
    int seatCount;
}
