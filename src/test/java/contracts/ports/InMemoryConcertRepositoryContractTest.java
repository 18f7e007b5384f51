package contracts.ports;

import application.booking.port.out.SeatInventory;
import application.catalog.port.out.ConcertRepository;
import application.fakes.TestBed;

class InMemoryConcertRepositoryContractTest extends ConcertRepositoryContract {
    private final TestBed bed = new TestBed();

    @Override
    protected ConcertRepository store() {
        return bed.concerts;
    }

    @Override
    protected SeatInventory seats() {
        return bed.seats;
    }

    @Override
    protected Transactions tx() {
        return Transactions.of(bed.tx);
    }
}
