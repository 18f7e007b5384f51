package contracts.ports;

class InMemoryWaitingRoomCapacitiesContractTest extends WaitingRoomCapacitiesContract {
    /** InMemoryWaitingRoomCapacities. */
    InMemoryWaitingRoomCapacitiesContractTest() {
        super(Stores::fakes);
    }
}
