package application.booking.port.out;

import domain.payment.Payment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PaymentRepository {
    void insert(Payment payment);

    Optional<Payment> findById(UUID id);

    /** The payments of one payment request ({@code Payment.groupId}), ordered by their reservations'
     * schedule id, then seat number; empty when none. */
    List<Payment> findByGroup(UUID groupId);
}
