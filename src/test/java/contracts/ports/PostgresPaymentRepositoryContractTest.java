package contracts.ports;

import application.booking.port.out.PaymentRepository;
import application.booking.port.out.ReservationRepository;
import application.catalog.port.out.ConcertRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresPaymentRepositoryContractTest extends PaymentRepositoryContract {
    @Inject
    PaymentRepository payments;

    @Inject
    ReservationRepository reservations;

    @Inject
    ConcertRepository concerts;

    @Override
    protected PaymentRepository store() {
        return payments;
    }

    @Override
    protected ReservationRepository reservations() {
        return reservations;
    }

    @Override
    protected ConcertRepository concerts() {
        return concerts;
    }

    @Override
    protected Transactions tx() {
        return new JtaTransactions();
    }
}
