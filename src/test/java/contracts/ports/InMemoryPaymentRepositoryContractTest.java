package contracts.ports;

import application.booking.port.out.PaymentRepository;
import application.booking.port.out.ReservationRepository;
import application.catalog.port.out.ConcertRepository;
import application.fakes.TestBed;

class InMemoryPaymentRepositoryContractTest extends PaymentRepositoryContract {
    private final TestBed bed = new TestBed();

    @Override
    protected PaymentRepository store() {
        return bed.payments;
    }

    @Override
    protected ReservationRepository reservations() {
        return bed.reservations;
    }

    @Override
    protected ConcertRepository concerts() {
        return bed.concerts;
    }

    @Override
    protected Transactions tx() {
        return Transactions.of(bed.tx);
    }
}
