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
    private final java.util.function.Function<UUID, Optional<domain.reservation.Reservation>> reservations;
    private Map<UUID, Payment> rows = new LinkedHashMap<>();

    public InMemoryPaymentRepository() {
        this(id -> Optional.empty());
    }

    /** ... reading a group back in its reservations' order (schedule, then seat) from {@code reservations}. */
    public InMemoryPaymentRepository(
            java.util.function.Function<UUID, Optional<domain.reservation.Reservation>> reservations) {
        this.reservations = reservations;
    }

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

    @Override
    public synchronized List<Payment> findByGroup(UUID groupId) {
        return rows.values().stream()
                .filter(p -> p.groupId().equals(groupId))
                .sorted(java.util.Comparator.comparingLong((Payment p) -> reservations
                                .apply(p.reservationId())
                                .map(domain.reservation.Reservation::scheduleId)
                                .orElse(0L))
                        .thenComparingInt(p -> reservations
                                .apply(p.reservationId())
                                .map(domain.reservation.Reservation::seatNumber)
                                .orElse(0)))
                .toList();
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
