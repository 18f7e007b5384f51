package contracts.ports;

import application.booking.port.out.ReservationRepository;
import application.catalog.port.out.ConcertRepository;
import application.fakes.TestBed;
import java.util.UUID;

class InMemoryReservationRepositoryContractTest extends ReservationRepositoryContract {
    private final TestBed bed = new TestBed();

    @Override
    protected ReservationRepository store() {
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

    @Override
    protected boolean eventRecorded(UUID eventId) {
        return bed.outbox.events().stream().anyMatch(event -> event.id().equals(eventId));
    }
}
