package application.booking.port.out;

import domain.payment.Payment;
import java.util.Optional;
import java.util.UUID;

public interface PaymentRepository {
    void insert(Payment payment);

    Optional<Payment> findById(UUID id);
}
