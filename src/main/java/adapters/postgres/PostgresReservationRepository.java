package adapters.postgres;

import application.port.ReservationRepository;
import domain.reservation.Reservation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostgresReservationRepository implements ReservationRepository {
    private final Entities entities;

    public PostgresReservationRepository(Entities entities) {
        this.entities = entities;
    }

    @Override
    public void insert(Reservation reservation) {
        entities.persist(PersistenceMapper.entity(reservation));
    }

    @Override
    public Optional<Reservation> findById(UUID id) {
        return entities.findByIdOptional(id).map(PersistenceMapper::reservation);
    }

    @Override
    public boolean saveIfStillHeld(Reservation updated, Instant now) {
        int changed = entities.getEntityManager()
                .createNativeQuery("""
                        UPDATE reservation SET status = :status, updated_at = :now
                        WHERE id = :id AND status = 'HELD' AND expires_at > :now
                        """)
                .setParameter("status", updated.storedStatus().name())
                .setParameter("now", now)
                .setParameter("id", updated.id())
                .executeUpdate();
        // the row changed (or someone else changed it) behind the persistence context: forget the
        // loaded copy, so a later read in this transaction sees the row, without a query now
        entities.findByIdOptional(updated.id()).ifPresent(entities.getEntityManager()::detach);
        return changed == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Reservation> expireLapsed(Instant now, int limit) {
        List<ReservationEntity> expired = entities.getEntityManager()
                .createNativeQuery("""
                        UPDATE reservation SET status = 'EXPIRED', updated_at = :now
                        WHERE status = 'HELD' AND id IN (
                            SELECT id FROM reservation
                            WHERE status = 'HELD' AND expires_at <= :now
                            ORDER BY expires_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """, ReservationEntity.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return expired.stream().map(PersistenceMapper::reservation).toList();
    }

    @ApplicationScoped
    static class Entities implements PanacheRepositoryBase<ReservationEntity, UUID> {}
}
