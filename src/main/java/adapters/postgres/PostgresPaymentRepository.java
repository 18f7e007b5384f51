package adapters.postgres;

import application.booking.port.out.PaymentRepository;
import domain.payment.Payment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostgresPaymentRepository implements PaymentRepository {
    private final Entities entities;

    public PostgresPaymentRepository(Entities entities) {
        this.entities = entities;
    }

    @Override
    public void insert(Payment payment) {
        entities.persist(PersistenceMapper.entity(payment));
    }

    @Override
    public Optional<Payment> findById(UUID id) {
        return entities.findByIdOptional(id).map(PersistenceMapper::payment);
    }

    @Override
    public List<Payment> findByGroup(UUID groupId) {
        return entities.getEntityManager()
                .createQuery(
                        "select p from PaymentEntity p, ReservationEntity r where r.id = p.reservationId"
                                + " and p.groupId = :group order by r.scheduleId, r.seatNumber",
                        PaymentEntity.class)
                .setParameter("group", groupId)
                .getResultStream()
                .map(PersistenceMapper::payment)
                .toList();
    }

    @ApplicationScoped
    static class Entities implements PanacheRepositoryBase<PaymentEntity, UUID> {}
}
