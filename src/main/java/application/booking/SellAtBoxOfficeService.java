package application.booking;

import application.booking.port.in.BoxOfficeSaleView;
import application.booking.port.in.SellAtBoxOfficeUseCase;
import application.booking.port.out.BoxOfficeSales;
import application.booking.port.out.ReservationRepository;
import application.booking.port.out.SeatInventory;
import application.booking.port.out.TicketIssuer;
import application.catalog.port.out.ConcertRepository;
import application.shared.IdempotencyKey;
import application.shared.port.out.IdempotencyStore;
import domain.concert.Schedule;
import domain.event.BookingEvents;
import domain.payment.ApprovalAlreadyRecordedException;
import domain.payment.BoxOfficeSale;
import domain.payment.CardApproval;
import domain.reservation.Reservation;
import domain.reservation.SeatUnavailableException;
import domain.shared.InvalidValueException;
import domain.shared.Money;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sells seats at the box office in one transaction (D61): the seats are taken by the same one
 * statement an online order is held by ({@link SeatInventory#sellAll}: locked in seat-id order, every
 * seat available or nothing written), straight to SOLD; the terminal's amount must equal their price
 * sum; each seat becomes a CONFIRMED reservation of the sale's buyer ({@link BoxOfficeSale#buyer})
 * with its event and a ticket, and the card approval is recorded once ({@code provider}, {@code
 * approvalNo}). Any refusal rolls everything back. The Idempotency-Key answers with the sale's id.
 */
@ApplicationScoped
public class SellAtBoxOfficeService implements SellAtBoxOfficeUseCase {
    static final String OPERATION = "box-office-sale";

    private final ConcertRepository concerts;
    private final SeatInventory seats;
    private final ReservationRepository reservations;
    private final BoxOfficeSales sales;
    private final TicketIssuer tickets;
    private final IdempotencyStore idempotency;
    private final BoxOfficeSettings settings;
    private final Clock clock;

    public SellAtBoxOfficeService(
            ConcertRepository concerts,
            SeatInventory seats,
            ReservationRepository reservations,
            BoxOfficeSales sales,
            TicketIssuer tickets,
            IdempotencyStore idempotency,
            BoxOfficeSettings settings,
            Clock clock) {
        this.concerts = concerts;
        this.seats = seats;
        this.reservations = reservations;
        this.sales = sales;
        this.tickets = tickets;
        this.idempotency = idempotency;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result sell(Command command) {
        List<Integer> numbers = validSeatNumbers(command.seatNumbers());
        IdempotencyKey key = new IdempotencyKey(command.seller(), OPERATION, command.idempotencyKey());
        Instant now = clock.instant();
        Optional<UUID> answered =
                idempotency.claim(key, fingerprint(command.scheduleId(), numbers, command.approval()), now);
        if (answered.isPresent()) {
            return new Result(
                    sales.findById(answered.get())
                            .map(SellAtBoxOfficeService::view)
                            .orElseThrow(() -> new IllegalStateException("an answered key names a stored sale")),
                    true);
        }
        Schedule schedule = concerts.schedule(command.scheduleId())
                .orElseThrow(() -> new NotFoundException("schedule", command.scheduleId()));
        settings.window().requireOpen(schedule, now);

        UUID saleId = UUID.randomUUID();
        UserId buyer = BoxOfficeSale.buyer(saleId);
        List<SeatInventory.SeatClaim> claims = numbers.stream()
                .map(number -> new SeatInventory.SeatClaim(number, UUID.randomUUID()))
                .toList();
        SeatInventory.HeldOrder taken = switch (seats.sellAll(command.scheduleId(), claims, now)) {
            case SeatInventory.HeldOrder order -> order;
            case SeatInventory.RefusedOrder refused
            when !refused.missing().isEmpty() ->
                throw new NotFoundException("seat", refused.missing().getFirst());
            case SeatInventory.RefusedOrder refused ->
                throw new SeatUnavailableException(command.scheduleId(), refused.taken());
        };

        List<Reservation> sold = new ArrayList<>(claims.size());
        List<BoxOfficeSale.SoldSeat> soldSeats = new ArrayList<>(claims.size());
        Money total = Money.ZERO;
        for (SeatInventory.SeatClaim claim : claims) {
            SeatInventory.HeldSeat seat = taken.seats().get(claim.seatNumber());
            sold.add(Reservation.soldAtBoxOffice(
                    claim.reservationId(),
                    buyer,
                    schedule.concertId(),
                    command.scheduleId(),
                    seat.seatId(),
                    claim.seatNumber(),
                    seat.price(),
                    now,
                    saleId));
            soldSeats.add(new BoxOfficeSale.SoldSeat(claim.seatNumber(), claim.reservationId(), seat.price()));
            total = total.plus(seat.price());
        }
        command.approval().requireAmount(total); // a runtime exception: the seats roll back
        BoxOfficeSale sale = new BoxOfficeSale(
                saleId,
                schedule.concertId(),
                command.scheduleId(),
                soldSeats,
                total,
                command.approval(),
                command.seller(),
                now);
        if (!sales.insert(sale)) {
            throw new ApprovalAlreadyRecordedException(command.approval().provider());
        }
        for (Reservation reservation : sold) {
            reservations.insert(
                    reservation, BookingEvents.reservationSoldAtBoxOffice(UUID.randomUUID(), reservation, sale));
        }
        tickets.issueFor(sold, now); // one ticket per sold seat, in this transaction, as a payment does
        idempotency.complete(key, saleId);
        return new Result(
                sales.findById(saleId)
                        .map(SellAtBoxOfficeService::view)
                        .orElseThrow(() -> new IllegalStateException("the sale was just written")),
                false);
    }

    static BoxOfficeSaleView view(BoxOfficeSales.Recorded recorded) {
        return new BoxOfficeSaleView(
                recorded.sale(),
                recorded.ticketByReservation(),
                recorded.reconciliationState(),
                recorded.reconciliationStage());
    }

    /** 1 … {@code box-office.max-seats} distinct seat numbers, ascending. */
    private List<Integer> validSeatNumbers(List<Integer> seatNumbers) {
        if (seatNumbers.isEmpty() || seatNumbers.size() > settings.maxSeats()) {
            throw new InvalidValueException(
                    "seatNumbers", "name 1 to " + settings.maxSeats() + " seats (box-office.max-seats)");
        }
        if (new HashSet<>(seatNumbers).size() != seatNumbers.size()) {
            throw new InvalidValueException("seatNumbers", "name each seat once");
        }
        return seatNumbers.stream().sorted().toList();
    }

    /** The same sale (schedule, seats in any order, the same approval) gives the same fingerprint. */
    static String fingerprint(long scheduleId, List<Integer> sortedSeats, CardApproval approval) {
        String text = scheduleId + "|"
                + sortedSeats.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "|" + approval.provider() + "|" + approval.approvalNo() + "|" + approval.terminalId()
                + "|" + approval.approvedAt() + "|" + approval.amount().won();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "box-office-sale=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
