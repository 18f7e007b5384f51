package application.booking;

import domain.concert.BookingWindow;
import domain.shared.Configured;
import java.util.Objects;

/**
 * The box office's rules (D61): when it stops selling a schedule ({@code box-office.close-before},
 * its own window, so it can sell after online sales closed) and how many seats one sale may take
 * ({@code box-office.max-seats}).
 */
public record BoxOfficeSettings(BookingWindow window, int maxSeats) implements Configured {
    /** A sale is one request body; the seats of a whole block at most. */
    public static final int MAX_SEATS_LIMIT = 100;

    public BoxOfficeSettings {
        Objects.requireNonNull(window);
        if (maxSeats < 1 || maxSeats > MAX_SEATS_LIMIT) {
            throw new IllegalArgumentException("box-office.max-seats must be 1 to " + MAX_SEATS_LIMIT);
        }
    }
}
