package application.booking.port.out;

import application.shared.Page;
import application.shared.PageRequest;
import domain.event.DomainEvent;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ReservationRepository {
    /**
     * Stores a new reservation and records the event that announces it, in one write (one round
     * trip): both or neither, in the caller's transaction.
     */
    void insert(Reservation reservation, DomainEvent created);

    /**
     * {@link #insert} unless the reservation's user already has {@code maxLiveHolds} live holds on its
     * concert at {@code now} ({@code Reservation.isHeldAt}; the limit is {@code
     * HoldPolicy.allowsAnotherHold}); then nothing is written and the answer is false. One write either way. Exact under concurrency
     * when the caller's transaction took the user's turn first ({@link SeatInventory#hold}).
     */
    boolean insertWithinLimit(Reservation reservation, DomainEvent created, int maxLiveHolds, Instant now);

    Optional<Reservation> findById(UUID id);

    /**
     * Writes the reservation's new status if it is still a live hold at {@code now} ({@code
     * Reservation.isHeldAt}); false when another request changed it first (nothing written).
     */
    boolean saveIfStillHeld(Reservation updated, Instant now);

    /**
     * Marks up to {@code limit} lapsed holds ({@code Reservation.isLapsedAt}), the oldest expiry
     * first, EXPIRED and returns them. Each is returned to exactly one caller, however many run at
     * once.
     */
    List<Reservation> expireLapsed(Instant now, int limit);

    /**
     * One page of {@code user}'s reservations, newest first: by {@code createdAt} then id, both
     * descending ({@link application.shared.PageKey#at}), starting after {@code page.after()}. With a
     * {@code status}, only those whose {@link Reservation#statusAt} {@code now} is that status.
     */
    Page<Reservation> ownedBy(UserId user, Optional<ReservationStatus> status, Instant now, PageRequest page);

    /**
     * Marks up to {@code limit} HELD reservations of schedules starting at or before {@code
     * closedUpTo} ({@code BookingWindow.closedUpTo}: their sale has closed) EXPIRED at {@code now}
     * ({@code Reservation.expireAtSaleClose}) and returns them. Each is returned to exactly one caller, however many run
     * at once (D48).
     */
    List<Reservation> expireAtSaleClose(Instant closedUpTo, Instant now, int limit);
}
