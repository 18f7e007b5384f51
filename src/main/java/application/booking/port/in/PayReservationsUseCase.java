package application.booking.port.in;

import domain.payment.Payment;
import domain.shared.Money;
import domain.shared.UserId;
import java.util.List;
import java.util.UUID;

/** Pays several of the caller's HELD reservations at once: all or none, one ledger line (D47). */
public interface PayReservationsUseCase {
    /** Pays every reservation from the wallet in one transaction, once per Idempotency-Key. */
    Result pay(Command command);

    /** {@code reservationIds}: distinct, at least one. */
    record Command(UserId userId, List<UUID> reservationIds, String idempotencyKey) {
        public Command {
            reservationIds = List.copyOf(reservationIds);
        }
    }

    /**
     * One payment per reservation, sharing a group id and the wallet transaction of their total;
     * {@code replayed} is true when the key had already been answered with these payments.
     */
    record Result(List<Payment> payments, boolean replayed) {
        public Result {
            payments = List.copyOf(payments);
            if (payments.isEmpty()) {
                throw new IllegalArgumentException("a payment group has at least one payment");
            }
        }

        public UUID groupId() {
            return payments.getFirst().groupId();
        }

        public UUID walletTransactionId() {
            return payments.getFirst().walletTransactionId();
        }

        /** What the wallet was debited: the sum of the seats' prices. */
        public Money total() {
            return payments.stream().map(Payment::amount).reduce(Money.won(0), Money::plus);
        }

        public Money balanceAfter() {
            return payments.getFirst().balanceAfter();
        }
    }
}
