package application.fakes;

import application.booking.port.out.PaymentRepository;
import domain.payment.Payment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Payments in memory, one per reservation like the table's unique key. */
public final class InMemoryPaymentRepository implements PaymentRepository, TransactionalFake {
    private Map<UUID, Payment> rows = new LinkedHashMap<>();

    @Override
    public synchronized void insert(Payment payment) {
        if (rows.containsKey(payment.id())) {
            throw new IllegalStateException("duplicate payment id " + payment.id());
        }
        if (rows.values().stream().anyMatch(p -> p.reservationId().equals(payment.reservationId()))) {
            throw new IllegalStateException("reservation " + payment.reservationId() + " is already paid");
        }
        rows.put(payment.id(), payment);
    }

    @Override
    public synchronized Optional<Payment> findById(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    public synchronized List<Payment> all() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<UUID, Payment> saved = new LinkedHashMap<>(rows);
        return () -> {
            synchronized (this) {
                rows = new LinkedHashMap<>(saved);
            }
        };
    }
}
