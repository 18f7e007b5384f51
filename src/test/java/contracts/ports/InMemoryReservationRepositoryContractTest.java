package contracts.ports;

class InMemoryReservationRepositoryContractTest extends ReservationRepositoryContract {
    /** InMemoryReservationRepository with its InMemoryOutbox. */
    InMemoryReservationRepositoryContractTest() {
        super(Stores::fakes);
    }
}
