package contracts.ports;

import application.booking.port.out.ReservationRepository;
import application.catalog.port.out.ConcertRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import support.Db;

@QuarkusTest
class PostgresReservationRepositoryContractTest extends ReservationRepositoryContract {
    @Inject
    ReservationRepository reservations;

    @Inject
    ConcertRepository concerts;

    @Override
    protected ReservationRepository store() {
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

    @Override
    protected boolean eventRecorded(UUID eventId) {
        return Db.count("SELECT count(*) FROM outbox_event WHERE id = ?", eventId) == 1;
    }
}
