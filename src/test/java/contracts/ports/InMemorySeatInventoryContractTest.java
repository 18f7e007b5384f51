package contracts.ports;

import application.booking.port.out.SeatInventory;
import application.catalog.port.out.ConcertRepository;
import application.fakes.TestBed;

class InMemorySeatInventoryContractTest extends SeatInventoryContract {
    private final TestBed bed = new TestBed();

    @Override
    protected SeatInventory store() {
        return bed.seats;
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
