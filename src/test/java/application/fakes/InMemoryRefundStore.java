package application.fakes;

import application.refund.port.out.RefundStore;
import domain.refund.Refund;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Refunds in memory, with the guards of {@code PostgresRefundStore}: the reservation is written only
 * while CONFIRMED, the seat sold to it made AVAILABLE, and a second refund of one reservation is
 * refused like the UNIQUE constraint refuses it — all under one lock.
 */
public final class InMemoryRefundStore implements RefundStore, TransactionalFake {
    private final InMemoryReservationRepository reservations;
    private final InMemorySeatInventory seats;
    private Map<UUID, Refund> rows = new LinkedHashMap<>();

    public InMemoryRefundStore(InMemoryReservationRepository reservations, InMemorySeatInventory seats) {
        this.reservations = reservations;
        this.seats = seats;
    }

    @Override
    public synchronized boolean record(Reservation refunded, Refund refund) {
        if (refunded.storedStatus() != ReservationStatus.REFUNDED) {
            throw new IllegalArgumentException("not a refunded reservation: " + refunded.storedStatus());
        }
        if (reservations
                .findById(refunded.id())
                .filter(r -> r.storedStatus() == ReservationStatus.CONFIRMED)
                .isEmpty()) {
            return false;
        }
        if (rows.values().stream().anyMatch(r -> r.reservationId().equals(refund.reservationId()))) {
            // the UNIQUE constraint's answer: a bug in the caller, not a refusal
            throw new IllegalStateException("duplicate refund of reservation " + refund.reservationId());
        }
        reservations.saveIfConfirmed(refunded);
        seats.releaseSold(refunded.seatId(), refunded.id());
        rows.put(refund.id(), refund);
        return true;
    }

    @Override
    public synchronized Optional<Refund> findById(UUID refundId) {
        return Optional.ofNullable(rows.get(refundId));
    }

    @Override
    public synchronized Optional<Refund> findByReservation(UUID reservationId) {
        return rows.values().stream()
                .filter(r -> r.reservationId().equals(reservationId))
                .findFirst();
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<UUID, Refund> saved = new LinkedHashMap<>(rows);
        return () -> {
            synchronized (this) {
                rows = new LinkedHashMap<>(saved);
            }
        };
    }
}
