package contracts.ports;

import application.catalog.port.out.ConcertRepository;
import application.fakes.TestBed;
import application.queue.port.out.WaitingRoomCapacities;

class InMemoryWaitingRoomCapacitiesContractTest extends WaitingRoomCapacitiesContract {
    private final TestBed bed = new TestBed();

    @Override
    protected WaitingRoomCapacities store() {
        return bed.capacities;
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
